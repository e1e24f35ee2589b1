package io.ddbio.item;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * DynamoDB's own JSON, as its API and the native "Export to S3" ({@code DYNAMODB_JSON}) write it:
 * type tags {@code S N B SS NS BS M L BOOL NULL}, for example
 *
 * <pre>{@code {"Id":{"N":"103"},"Authors":{"SS":["A1","A2"]},"InPublication":{"BOOL":false}}}</pre>
 *
 * <p>Writing uses exactly those upper-case tags; reading matches them without regard to ASCII case
 * and follows the same strict rules as {@link DataPipelineCodec} (which shares the reading and
 * writing code), except that there is no legacy line form. The export-line methods handle the
 * wrapper a native export puts around each item.
 *
 * <p>Writing, and reading a line given as a string, are those of every {@link TaggedJsonCodec}.
 * Instances hold no state and are safe to share between threads.
 */
public final class DynamoDbJsonCodec extends TaggedJsonCodec {
  /** Creates a codec; all instances share one Jackson factory. */
  public DynamoDbJsonCodec() {
    super(TypeTag.Spelling.DYNAMODB_JSON);
  }

  /**
   * Reads one line, without its {@code \n} terminator, holding a bare item object. A leading UTF-8
   * byte order mark and a trailing {@code \r} are ignored.
   *
   * @param buf holds the line
   * @param off where the line starts
   * @param len the line's length in bytes
   * @return the item, its attributes in the order of the line
   * @throws ItemFormatException if the line is not a valid item
   */
  @Override
  public Map<String, AttributeValue> decode(byte[] buf, int off, int len) {
    return Lines.read(buf, off, len, ItemJson::readItem);
  }

  /**
   * Reads one line of a native export: <code>{"Item":{…}}</code>, or a change <code>
   * {"Metadata":{"WriteTimestampMicros":{"N":"…"}},"Keys":{…},"NewImage":{…},"OldImage":{…}}</code>
   * which is a {@link ExportLine.Kind#PUT} when it has {@code NewImage} and otherwise a {@link
   * ExportLine.Kind#DELETE}. The wrapper's field names are matched exactly; entries of {@code
   * Metadata} other than {@code WriteTimestampMicros} are read (and must be valid values) but
   * ignored, so that new metadata does not break old readers.
   *
   * @param buf holds the line
   * @param off where the line starts
   * @param len the line's length in bytes
   * @return the line's content
   * @throws ItemFormatException if the line is not a valid export line; the reason names the part
   *     ({@code Item}, {@code NewImage}, …) and the attribute
   */
  public ExportLine decodeExportLine(byte[] buf, int off, int len) {
    return Lines.read(buf, off, len, ExportLineReader::read);
  }

  /**
   * Writes {@code item} as a full export's line, <code>{"Item":{…}}</code>, in UTF-8 with no line
   * terminator. The stream is neither flushed nor closed.
   *
   * @param item the attributes, written in the map's iteration order
   * @param out where the bytes go
   * @throws ItemFormatException as for {@link #encode(Map, OutputStream)}
   * @throws IOException if {@code out} fails
   */
  public void encodeExportLine(Map<String, AttributeValue> item, OutputStream out)
      throws IOException {
    ItemJson.writeWrapped(
        "Item", Objects.requireNonNull(item, "item"), out, TypeTag.Spelling.DYNAMODB_JSON);
  }
}
