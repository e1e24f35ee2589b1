package io.ddbio.importer.lines;

import io.ddbio.item.DataPipelineCodec;
import io.ddbio.item.DynamoDbJsonCodec;
import io.ddbio.item.ExportLine;
import io.ddbio.item.ItemFormatException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Decodes the lines of a backup read without a native export's manifests: Data Pipeline lines (v3,
 * any tag case, or legacy), and also the <code>{"Item":{…}}</code> lines of a native export's data
 * files, which users copy out of an export without its manifests. A line is read as Data Pipeline
 * first; only a line that fails there and starts with the wrapper is read as a native item, so Data
 * Pipeline lines keep their meaning and cost nothing more, and a line that is neither fails with
 * the Data Pipeline reason.
 *
 * <p>Thread-safe: the codecs it holds keep no state.
 */
public final class BackupLineDecoder {
  private static final byte[] WRAPPER = "{\"Item\"".getBytes(StandardCharsets.US_ASCII);

  private final DataPipelineCodec dataPipeline = new DataPipelineCodec();
  private final DynamoDbJsonCodec dynamoDbJson = new DynamoDbJsonCodec();

  /**
   * Decodes one line that is not blank.
   *
   * @throws ItemFormatException with the Data Pipeline codec's reason when the line is neither
   */
  public Map<String, AttributeValue> decode(byte[] buf, int off, int len) {
    try {
      return dataPipeline.decode(buf, off, len);
    } catch (ItemFormatException notDataPipeline) {
      if (!startsWithWrapper(buf, off, len)) {
        throw notDataPipeline;
      }
      ExportLine line;
      try {
        line = dynamoDbJson.decodeExportLine(buf, off, len);
      } catch (ItemFormatException notNative) {
        throw new ItemFormatException(
            notNative.reason() + " (read as a native export's item line)", notNative);
      }
      if (line.kind() != ExportLine.Kind.ITEM) {
        throw new ItemFormatException(
            "an incremental export's change; import incremental exports through their"
                + " manifest-summary.json, which says how to apply them");
      }
      return line.item();
    }
  }

  private static boolean startsWithWrapper(byte[] buf, int off, int len) {
    int i = off;
    int end = off + len;
    while (i < end && (buf[i] == ' ' || buf[i] == '\t')) {
      i++;
    }
    if (end - i < WRAPPER.length) {
      return false;
    }
    for (int k = 0; k < WRAPPER.length; k++) {
      if (buf[i + k] != WRAPPER[k]) {
        return false;
      }
    }
    return true;
  }
}
