package io.ddbio.item;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Writes legacy (0x02/0x03) lines for tests; the library only reads them. */
final class LegacyLines {
  /** The bytes around the value when a single attribute named {@code x} is encoded. */
  private static final int PREFIX = "{\"x\":".length();

  private LegacyLines() {}

  /**
   * The item as a legacy line, or null if its names cannot be written in that form: a name holding
   * a separator byte, or a first name that would read as the start of a JSON object or as a byte
   * order mark.
   */
  static byte[] of(DataPipelineCodec codec, Map<String, AttributeValue> item) {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (Map.Entry<String, AttributeValue> attribute : item.entrySet()) {
      String name = attribute.getKey();
      if (name.indexOf('\u0002') >= 0 || name.indexOf('\u0003') >= 0) {
        return null;
      }
      if (line.size() == 0) {
        String start = name.stripLeading();
        if (start.startsWith("{") || name.startsWith("\uFEFF") || start.isEmpty()) {
          return null;
        }
      } else {
        line.write(0x02);
      }
      line.writeBytes(name.getBytes(StandardCharsets.UTF_8));
      line.write(0x03);
      byte[] single = codec.encode(Map.of("x", attribute.getValue()));
      line.writeBytes(Arrays.copyOfRange(single, PREFIX, single.length - 1));
    }
    return line.toByteArray();
  }
}
