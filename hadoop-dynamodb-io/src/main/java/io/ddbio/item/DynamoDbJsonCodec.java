package io.ddbio.item;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
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
 * <p>Instances hold no state and are safe to share between threads.
 */
public final class DynamoDbJsonCodec {
  /** Creates a codec; all instances share one Jackson factory. */
  public DynamoDbJsonCodec() {}

  /**
   * Writes {@code item} as one JSON object in UTF-8, with no line terminator. The stream is neither
   * flushed nor closed.
   *
   * @param item the attributes, written in the map's iteration order
   * @param out where the bytes go
   * @throws ItemFormatException if the item holds something that could not be read back (an empty
   *     set, a value with no type, a {@code NULL} that is false, an empty attribute name); part of
   *     the item may already have been written to {@code out}
   * @throws IOException if {@code out} fails
   */
  public void encode(Map<String, AttributeValue> item, OutputStream out) throws IOException {
    ItemJson.write(Objects.requireNonNull(item, "item"), out, TypeTag.Spelling.DYNAMODB_JSON);
  }

  /**
   * Returns {@code item} as one JSON object in UTF-8, with no line terminator.
   *
   * @param item the attributes, written in the map's iteration order
   * @return the encoded line
   * @throws ItemFormatException as for {@link #encode(Map, OutputStream)}
   */
  public byte[] encode(Map<String, AttributeValue> item) {
    return ItemJson.toBytes(Objects.requireNonNull(item, "item"), TypeTag.Spelling.DYNAMODB_JSON);
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
  public Map<String, AttributeValue> decode(byte[] buf, int off, int len) {
    Objects.checkFromIndexSize(off, len, buf.length);
    int from = Lines.start(buf, off, len);
    try {
      return ItemJson.readItem(buf, from, Lines.end(buf, from, off + len));
    } catch (BadValue e) {
      throw e.toException();
    }
  }

  /**
   * Reads one line given as a string; see {@link #decode(byte[], int, int)}.
   *
   * @param line the line, without its terminator
   * @return the item
   * @throws ItemFormatException if the line is not a valid item
   */
  public Map<String, AttributeValue> decode(String line) {
    byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
    return decode(bytes, 0, bytes.length);
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
    Objects.checkFromIndexSize(off, len, buf.length);
    int from = Lines.start(buf, off, len);
    try {
      return ExportLineReader.read(buf, from, Lines.end(buf, from, off + len));
    } catch (BadValue e) {
      throw e.toException();
    }
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

  /**
   * Tells whether a line holds nothing but whitespace after an optional byte order mark; see {@link
   * DataPipelineCodec#isBlank}.
   *
   * @param buf holds the line
   * @param off where the line starts
   * @param len the line's length in bytes
   * @return true if the line is blank
   */
  public static boolean isBlank(byte[] buf, int off, int len) {
    return DataPipelineCodec.isBlank(buf, off, len);
  }
}
