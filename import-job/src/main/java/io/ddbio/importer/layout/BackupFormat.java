package io.ddbio.importer.layout;

import io.ddbio.tool.UsageException;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Which layout the import reads, as {@code --format} names it. */
public enum BackupFormat {
  /** Look at the input: a native export's manifests mean {@link #DYNAMODB_JSON}, else a DP one. */
  AUTO("auto"),
  /** A Data Pipeline export (manifest and v3 lines, or legacy lines without a manifest). */
  DATA_PIPELINE("datapipeline"),
  /** A native DynamoDB "Export to S3" (DYNAMODB_JSON or ION lines), full or incremental. */
  DYNAMODB_JSON("dynamodb-json");

  private final String option;

  BackupFormat(String option) {
    this.option = option;
  }

  /** The name {@code --format} takes. */
  public String option() {
    return option;
  }

  /**
   * The format {@code --format} names.
   *
   * @throws UsageException listing the names when {@code value} is none of them
   */
  public static BackupFormat of(String value) {
    for (BackupFormat f : values()) {
      if (f.option.equals(value)) {
        return f;
      }
    }
    throw new UsageException(
        "--format must be one of "
            + Arrays.stream(values()).map(BackupFormat::option).collect(Collectors.joining(", "))
            + ", was \""
            + value
            + "\"");
  }
}
