package io.ddbio.backup;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.ddbio.item.Expiry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

/**
 * Our own record of an export, written at job commit beside the {@code manifest}: what the table
 * looked like, what each data file holds, and how to check it. Data Pipeline's importers ignore it;
 * ours uses it to check the destination's key schema, the item counts and the checksums.
 *
 * @param format always {@link #FORMAT}
 * @param formatVersion version of this file's layout, {@link #FORMAT_VERSION}
 * @param toolVersion the ddbio version that wrote the export
 * @param dataFormat how items are written: {@code datapipeline-v3} or {@code dynamodb-json}
 * @param compression the Hadoop codec's default extension ({@code .gz}), or {@code null}
 * @param table the source table's schema
 * @param startTime when the export started (ISO-8601)
 * @param endTime when the export was committed (ISO-8601)
 * @param itemCount items in all data files
 * @param byteCount stored bytes of all data files
 * @param files every data file, in the manifest's order
 * @param selection the projection and filter of a partial export; null (and not written) for a full
 *     one. Older ddbio ignores it, so the layout version stays 1.
 * @param runs the runs of an export that was resumed ({@code --resume}), in order, with what each
 *     read and when; null (and not written) for an export read in one run. Older ddbio ignores it.
 * @param expiredLeftOut the rule by which items whose time to live had expired were left out
 *     ({@code --skip-expired}): the attribute and the moment, in epoch seconds; null (and not
 *     written) when every item was exported. Older ddbio ignores it.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ExportMetadata(
    String format,
    int formatVersion,
    String toolVersion,
    String dataFormat,
    String compression,
    TableSchema table,
    String startTime,
    String endTime,
    long itemCount,
    long byteCount,
    List<DataFileStats> files,
    @JsonInclude(JsonInclude.Include.NON_NULL) ExportSelection selection,
    @JsonInclude(JsonInclude.Include.NON_NULL) List<ScanRun> runs,
    @JsonInclude(JsonInclude.Include.NON_NULL) Expiry expiredLeftOut) {

  /** Whether the export was read in more than one run. */
  public boolean resumed() {
    return runs != null && runs.size() > 1;
  }

  /** The file's name in an export directory. */
  public static final String FILE_NAME = "ddbio-export.json";

  /** Marks the file as ours. */
  public static final String FORMAT = "ddbio-export";

  /** The layout version this code writes and reads. */
  public static final int FORMAT_VERSION = 1;

  /** Data Pipeline's line format. */
  public static final String DATA_PIPELINE_V3 = "datapipeline-v3";

  /**
   * DynamoDB's own JSON, one <code>{"Item":{…}}</code> a line, in the layout of the native "Export
   * to S3" ({@code AWSDynamoDB/<id>/data/…json.gz}); file names are paths below the export
   * directory.
   */
  public static final String DYNAMODB_JSON = "dynamodb-json";

  /**
   * {@link #dataFormat()} of an export in plain JSON lines, for reading by tools that know nothing
   * of DynamoDB; its types are lost, so no import reads it back.
   */
  public static final String JSON_LINES = "json-lines";

  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /** Writes this metadata as indented JSON. */
  public void write(OutputStream out) throws IOException {
    MAPPER.writeValue(out, this);
  }

  /**
   * Reads metadata.
   *
   * @param where the file's location, named in errors
   * @throws IOException when the file is not ours or of a newer layout
   */
  public static ExportMetadata read(InputStream in, String where) throws IOException {
    ExportMetadata m;
    try {
      m = MAPPER.readValue(in, ExportMetadata.class);
    } catch (IOException e) {
      throw new IOException("Export metadata " + where + " is not readable: " + e.getMessage(), e);
    }
    if (!FORMAT.equals(m.format())) {
      throw new IOException("Export metadata " + where + " is not a " + FORMAT + " file");
    }
    if (m.formatVersion() > FORMAT_VERSION) {
      throw new IOException(
          "Export metadata "
              + where
              + " has layout version "
              + m.formatVersion()
              + "; this ddbio reads up to "
              + FORMAT_VERSION
              + " (upgrade ddbio)");
    }
    return m;
  }
}
