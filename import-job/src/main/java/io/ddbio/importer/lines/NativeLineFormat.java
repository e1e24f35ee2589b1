package io.ddbio.importer.lines;

import io.ddbio.backup.NativeExportManifest;
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
  DYNAMODB_JSON(
      NativeExportManifest.DYNAMODB_JSON,
      DynamoDbJsonCodec::isBlank,
      new DynamoDbJsonCodec()::decodeExportLine),
  ION(NativeExportManifest.ION, IonExportCodec::isBlank, new IonExportCodec()::decodeExportLine);

  /** Set for the tasks when the import job of a native export is wired. */
  public static final String KEY = "ddbio.import.native.format";

  /** What is done to a line's bytes, {@code buf[off, off + len)}. */
  @FunctionalInterface
  private interface OnLine<T> {
    T apply(byte[] buf, int off, int len);
  }

  private final String outputFormat;
  private final OnLine<Boolean> blank;
  private final OnLine<ExportLine> decoder;

  NativeLineFormat(String outputFormat, OnLine<Boolean> blank, OnLine<ExportLine> decoder) {
    this.outputFormat = outputFormat;
    this.blank = blank;
    this.decoder = decoder;
  }

  /** Whether a line holds no item: whitespace, or in Ion the version marker alone. */
  public boolean isBlank(byte[] buf, int off, int len) {
    return blank.apply(buf, off, len);
  }

  /**
   * Decodes a line that is not {@link #isBlank blank}.
   *
   * @throws io.ddbio.item.ItemFormatException naming what is wrong
   */
  public ExportLine decode(byte[] buf, int off, int len) {
    return decoder.apply(buf, off, len);
  }

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
