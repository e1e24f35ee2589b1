package io.ddbio.item;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A line codec of items in type-tagged JSON: one object per line mapping each attribute name to a
 * value tagged with its type. The two formats differ only in how the tags are spelt ({@link
 * TypeTag.Spelling}) and in what else a line may hold, so writing, and reading a line given as a
 * string, are written here once; each format says how it reads a line's bytes.
 *
 * <p>Instances hold no state and are safe to share between threads.
 */
public abstract sealed class TaggedJsonCodec permits DataPipelineCodec, DynamoDbJsonCodec {
  private final TypeTag.Spelling spelling;

  TaggedJsonCodec(TypeTag.Spelling spelling) {
    this.spelling = spelling;
  }

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
  public final void encode(Map<String, AttributeValue> item, OutputStream out) throws IOException {
    ItemJson.write(Objects.requireNonNull(item, "item"), out, spelling);
  }

  /**
   * Returns {@code item} as one JSON object in UTF-8, with no line terminator.
   *
   * @param item the attributes, written in the map's iteration order
   * @return the encoded line
   * @throws ItemFormatException as for {@link #encode(Map, OutputStream)}
   */
  public final byte[] encode(Map<String, AttributeValue> item) {
    return ItemJson.toBytes(Objects.requireNonNull(item, "item"), spelling);
  }

  /**
   * Reads one line, without its {@code \n} terminator. A leading UTF-8 byte order mark and a
   * trailing {@code \r} are ignored.
   *
   * @param buf holds the line
   * @param off where the line starts
   * @param len the line's length in bytes
   * @return the item, its attributes in the order of the line
   * @throws ItemFormatException if the line is not a valid item
   */
  public abstract Map<String, AttributeValue> decode(byte[] buf, int off, int len);

  /**
   * Reads one line given as a string; see {@link #decode(byte[], int, int)}.
   *
   * @param line the line, without its terminator
   * @return the item
   * @throws ItemFormatException if the line is not a valid item
   */
  public final Map<String, AttributeValue> decode(String line) {
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
