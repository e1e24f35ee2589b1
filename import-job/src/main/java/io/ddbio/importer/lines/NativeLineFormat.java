package io.ddbio.importer.lines;

import io.ddbio.backup.NativeExportManifest;
import io.ddbio.importer.job.NativeImportJob;
import io.ddbio.item.DynamoDbJsonCodec;
import io.ddbio.item.ExportLine;
import io.ddbio.item.IonExportCodec;
import java.io.IOException;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;

/**
 * The syntax of a native export's lines, as its {@code manifest-summary.json} names it: the reader,
 * the mapper and the key check all split and decode lines through it.
 */
public enum NativeLineFormat {
  DYNAMODB_JSON(NativeExportManifest.DYNAMODB_JSON) {
    private final DynamoDbJsonCodec codec = new DynamoDbJsonCodec();

    @Override
    public boolean isBlank(byte[] buf, int off, int len) {
      return DynamoDbJsonCodec.isBlank(buf, off, len);
    }

    @Override
    public ExportLine decode(byte[] buf, int off, int len) {
      return codec.decodeExportLine(buf, off, len);
    }
  },
  ION(NativeExportManifest.ION) {
    private final IonExportCodec codec = new IonExportCodec();

    @Override
    public boolean isBlank(byte[] buf, int off, int len) {
      return IonExportCodec.isBlank(buf, off, len);
    }

    @Override
    public ExportLine decode(byte[] buf, int off, int len) {
      return codec.decodeExportLine(buf, off, len);
    }
  };

  /** Set by {@link NativeImportJob} for the tasks. */
  public static final String KEY = "ddbio.import.native.format";

  private final String outputFormat;

  NativeLineFormat(String outputFormat) {
    this.outputFormat = outputFormat;
  }

  /** Whether a line holds no item: whitespace, or in Ion the version marker alone. */
  public abstract boolean isBlank(byte[] buf, int off, int len);

  /**
   * Decodes a line that is not {@link #isBlank blank}.
   *
   * @throws io.ddbio.item.ItemFormatException naming what is wrong
   */
  public abstract ExportLine decode(byte[] buf, int off, int len);

  /**
   * The format of an export's {@code outputFormat}.
   *
   * @param where the summary file, named in the error
   * @throws IOException for a format this import does not read
   */
  public static NativeLineFormat of(String outputFormat, String where) throws IOException {
    for (NativeLineFormat f : values()) {
      if (f.outputFormat.equals(outputFormat)) {
        return f;
      }
    }
    throw new IOException(
        where
            + " names output format \""
            + outputFormat
            + "\"; this import reads "
            + NativeExportManifest.DYNAMODB_JSON
            + " and "
            + NativeExportManifest.ION);
  }

  /** The format the job was set up with; DynamoDB JSON when none was set. */
  public static NativeLineFormat of(Configuration conf) {
    return valueOf(conf.get(KEY, DYNAMODB_JSON.name()).toUpperCase(Locale.ROOT));
  }
}
