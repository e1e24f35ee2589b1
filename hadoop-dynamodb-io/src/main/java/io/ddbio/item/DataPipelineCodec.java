package io.ddbio.item;

import java.util.Map;
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
 * <p>Writing, and reading a line given as a string, are those of every {@link TaggedJsonCodec}.
 * Instances hold no state and are safe to share between threads.
 */
public final class DataPipelineCodec extends TaggedJsonCodec {
  /** Creates a codec; all instances share one Jackson factory. */
  public DataPipelineCodec() {
    super(TypeTag.Spelling.DATA_PIPELINE);
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
  @Override
  public Map<String, AttributeValue> decode(byte[] buf, int off, int len) {
    return Lines.read(buf, off, len, DataPipelineCodec::readLine);
  }

  private static Map<String, AttributeValue> readLine(byte[] buf, int from, int to) {
    int first = Lines.firstNonBlank(buf, from, to);
    return first == '{' || first < 0
        ? ItemJson.readItem(buf, from, to)
        : LegacyLine.read(buf, from, to);
  }
}
