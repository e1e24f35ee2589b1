package io.ddbio.item;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The Data Pipeline export line (format version 3): one JSON object per line mapping each attribute
 * name to a value tagged with the AWS SDK v1 field name of its type, for example
 *
 * <pre>{@code {"Id":{"n":"1"},"tags":{"sS":["a","b"]},"doc":{"m":{"ok":{"bOOL":true}}}}}</pre>
 *
 * <p>Writing uses exactly the tags {@code s n b sS nS bS m l bOOL nULL}. Reading matches tags
 * without regard to ASCII case ({@code S}, {@code Ss} and {@code SS} all read as a string set), and
 * also reads the older Hive-era line, where attributes are separated by byte {@code 0x02} and each
 * name from its type-tagged value by byte {@code 0x03}.
 *
 * <p>Reading is strict: whatever DynamoDB would reject, or the format does not allow, fails with an
 * {@link ItemFormatException} naming the attribute path; nothing is silently repaired. In
 * particular, numbers must be JSON strings holding a valid DynamoDB number (see {@link
 * DynamoDbNumbers}), binary must be padded standard base64, sets must be non-empty without
 * duplicate members (numbers compared by value), {@code nULL} must be {@code true}, an item's
 * attribute names must be non-empty and unique, and nothing may follow the item on the line.
 *
 * <p>Instances hold no state and are safe to share between threads.
 */
public final class DataPipelineCodec {
  /** Creates a codec; all instances share one Jackson factory. */
  public DataPipelineCodec() {}

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
    ItemJson.write(Objects.requireNonNull(item, "item"), out, TypeTag.Spelling.DATA_PIPELINE);
  }

  /**
   * Returns {@code item} as one JSON object in UTF-8, with no line terminator.
   *
   * @param item the attributes, written in the map's iteration order
   * @return the encoded line
   * @throws ItemFormatException as for {@link #encode(Map, OutputStream)}
   */
  public byte[] encode(Map<String, AttributeValue> item) {
    return ItemJson.toBytes(Objects.requireNonNull(item, "item"), TypeTag.Spelling.DATA_PIPELINE);
  }

  /**
   * Reads one line, without its {@code \n} terminator: a JSON object, or a legacy {@code
   * 0x02}/{@code 0x03} line when the first byte that is not whitespace is not <code>{</code>. A
   * leading UTF-8 byte order mark and a trailing {@code \r} are ignored.
   *
   * @param buf holds the line
   * @param off where the line starts
   * @param len the line's length in bytes
   * @return the item, its attributes in the order of the line
   * @throws ItemFormatException if the line is not a valid item (blank lines included: callers skip
   *     those with {@link #isBlank})
   */
  public Map<String, AttributeValue> decode(byte[] buf, int off, int len) {
    Objects.checkFromIndexSize(off, len, buf.length);
    int from = Lines.start(buf, off, len);
    int to = Lines.end(buf, from, off + len);
    int first = Lines.firstNonBlank(buf, from, to);
    try {
      return first == '{' || first < 0
          ? ItemJson.readItem(buf, from, to)
          : LegacyLine.read(buf, from, to);
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
   * Tells whether a line holds nothing but whitespace (space, tab, {@code \r}, {@code \n}) after an
   * optional byte order mark; such lines are not items and readers skip them.
   *
   * @param buf holds the line
   * @param off where the line starts
   * @param len the line's length in bytes
   * @return true if the line is blank
   */
  public static boolean isBlank(byte[] buf, int off, int len) {
    Objects.checkFromIndexSize(off, len, buf.length);
    return Lines.isBlank(buf, off, len);
  }
}
