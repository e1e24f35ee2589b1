package io.ddbio.export.layout;

import io.ddbio.backup.ExportMetadata;
import io.ddbio.export.output.ExportOutputFormat;
import io.ddbio.item.DataPipelineCodec;
import io.ddbio.item.DynamoDbJsonCodec;
import io.ddbio.item.PlainJsonCodec;
import io.ddbio.tool.UsageException;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * How an export writes its items, the values of {@code --format}: the line each item becomes and,
 * through {@link ExportOutputFormat} and {@link ExportIndexFiles}, where the files go and which
 * index files describe them.
 */
public enum ExportFormat {
  /**
   * Data Pipeline's lines (lower-case SDK v1 tags) in {@code <out>/<uuid>_<task>[.ext]}, listed by
   * a Data Pipeline {@code manifest}.
   */
  DATAPIPELINE("datapipeline", ExportMetadata.DATA_PIPELINE_V3),

  /**
   * The layout of DynamoDB's native "Export to S3", so that DynamoDB's "Import from S3" can create
   * a table from it: <code>{"Item":{…}}</code> lines (upper-case tags) in gzip files under {@code
   * <out>/AWSDynamoDB/<exportId>/data/}, with {@code manifest-files.json} and {@code
   * manifest-summary.json} (see {@link NativeLayout}).
   */
  DYNAMODB_JSON("dynamodb-json", ExportMetadata.DYNAMODB_JSON),

  /**
   * Plain JSON objects, one per line, for tools that know nothing of DynamoDB, in {@code
   * <out>/<uuid>_<task>.json[.ext]} beside {@code ddbio-export.json}. Types are lost (see {@link
   * PlainJsonCodec}), so it gets no Data Pipeline {@code manifest} and no import reads it.
   */
  JSON("json", ExportMetadata.JSON_LINES);

  /** Writes one item as one line, without its {@code \n}. */
  @FunctionalInterface
  public interface LineEncoder {
    void encode(Map<String, AttributeValue> item, OutputStream out) throws IOException;
  }

  private final String argument;
  private final String dataFormat;

  ExportFormat(String argument, String dataFormat) {
    this.argument = argument;
    this.dataFormat = dataFormat;
  }

  /** The name on the command line. */
  public String argument() {
    return argument;
  }

  /** The name {@code ddbio-export.json} records as its {@code dataFormat}. */
  public String dataFormat() {
    return dataFormat;
  }

  /** A new encoder of this format's lines; one per mapper, as codecs may keep buffers. */
  public LineEncoder newEncoder() {
    return switch (this) {
      case DATAPIPELINE -> new DataPipelineCodec()::encode;
      case DYNAMODB_JSON -> new DynamoDbJsonCodec()::encodeExportLine;
      case JSON -> new PlainJsonCodec()::encode;
    };
  }

  /**
   * The format named on the command line, in any case.
   *
   * @throws UsageException naming the accepted values
   */
  public static ExportFormat parse(String argument) {
    for (ExportFormat f : values()) {
      if (f.argument.equalsIgnoreCase(argument.trim())) {
        return f;
      }
    }
    throw new UsageException("--format must be one of " + choices() + ", was \"" + argument + "\"");
  }

  /** The accepted values, for messages and the usage text. */
  public static String choices() {
    return Arrays.stream(values()).map(ExportFormat::argument).collect(Collectors.joining(", "));
  }
}
