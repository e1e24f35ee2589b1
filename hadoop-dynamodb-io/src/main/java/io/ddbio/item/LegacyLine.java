package io.ddbio.item;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reads the Hive-era Data Pipeline line: {@code name 0x03 value} pairs separated by {@code 0x02},
 * each value a type-tagged JSON object. Raw control bytes cannot occur inside JSON text, so
 * splitting on them before parsing is safe.
 */
final class LegacyLine {
  private static final byte ATTRIBUTE_SEPARATOR = 0x02;
  private static final byte NAME_SEPARATOR = 0x03;

  private LegacyLine() {}

  /** Reads the item held in {@code [from, to)} of {@code buf}. */
  static Map<String, AttributeValue> read(byte[] buf, int from, int to) {
    Map<String, AttributeValue> item = new LinkedHashMap<>();
    int start = from;
    for (int position = 1; ; position++) {
      int end = indexOf(buf, ATTRIBUTE_SEPARATOR, start, to);
      int separator = indexOf(buf, NAME_SEPARATOR, start, end);
      if (separator == end) {
        throw new BadValue(
            position == 1 && end == to
                ? "line is neither a JSON object nor a legacy line (name 0x03 value, separated by"
                    + " 0x02)"
                : "legacy attribute " + position + " has no 0x03 between its name and its value");
      }
      String name = name(buf, start, separator);
      AttributeValue value;
      try {
        value = ItemJson.readValue(buf, separator + 1, end);
      } catch (BadValue e) {
        throw e.in(name);
      }
      if (item.put(name, value) != null) {
        throw new BadValue("duplicate attribute name \"" + name + "\"");
      }
      if (end == to) {
        return item;
      }
      start = end + 1;
    }
  }

  private static String name(byte[] buf, int from, int to) {
    if (from == to) {
      throw new BadValue("empty attribute name");
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .decode(ByteBuffer.wrap(buf, from, to - from))
          .toString();
    } catch (CharacterCodingException e) {
      throw new BadValue("attribute name is not valid UTF-8", e);
    }
  }

  /** The index of the first {@code b} in {@code [from, to)}, or {@code to} if there is none. */
  private static int indexOf(byte[] buf, byte b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (buf[i] == b) {
        return i;
      }
    }
    return to;
  }
}
