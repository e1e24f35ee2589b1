package io.ddbio.testkit.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * The write capacity a request will likely consume, known before it is sent: one unit per KB of the
 * item, rounded up, with the item's size counted by DynamoDB's rules from its JSON. A delete costs
 * one unit, as the size of the item it removes is not known.
 *
 * <p>The estimate only decides how many requests of a batch are sent; the bucket is then charged
 * with what DynamoDB Local reports.
 */
final class WriteCost {
  static final int BYTES_PER_UNIT = 1024;

  /** Bytes DynamoDB adds to a list or map, and to each of its elements. */
  private static final int CONTAINER_BYTES = 3;

  private static final int ELEMENT_BYTES = 1;

  private WriteCost() {}

  /** The cost of one BatchWriteItem request, {@code {"PutRequest":{"Item":…}}} or a delete. */
  static double ofWriteRequest(JsonNode writeRequest) {
    JsonNode item = writeRequest.path("PutRequest").path("Item");
    return item.isObject() ? ofItem(item) : 1;
  }

  /** The cost of writing the item, at least one unit. */
  static double ofItem(JsonNode item) {
    return Math.max(1, Math.ceil(itemBytes(item) / (double) BYTES_PER_UNIT));
  }

  /** The item's size: each attribute's name plus its value. */
  static long itemBytes(JsonNode item) {
    long bytes = 0;
    for (Iterator<Map.Entry<String, JsonNode>> it = item.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> attribute = it.next();
      bytes += utf8Length(attribute.getKey()) + valueBytes(attribute.getValue());
    }
    return bytes;
  }

  /** The size of one {@code {"<type>": value}} attribute value. */
  private static long valueBytes(JsonNode attributeValue) {
    Iterator<Map.Entry<String, JsonNode>> typed = attributeValue.fields();
    if (!typed.hasNext()) {
      return 0;
    }
    Map.Entry<String, JsonNode> entry = typed.next();
    JsonNode value = entry.getValue();
    return switch (entry.getKey()) {
      case "S" -> utf8Length(value.asText());
      case "N" -> numberBytes(value.asText());
      case "B" -> base64DecodedLength(value.asText());
      case "SS" -> sum(value, v -> utf8Length(v.asText()));
      case "NS" -> sum(value, v -> numberBytes(v.asText()));
      case "BS" -> sum(value, v -> base64DecodedLength(v.asText()));
      case "L" -> CONTAINER_BYTES + sum(value, v -> ELEMENT_BYTES + valueBytes(v));
      case "M" -> CONTAINER_BYTES + itemBytes(value) + (long) ELEMENT_BYTES * value.size();
      // BOOL and NULL
      default -> 1;
    };
  }

  private static long sum(JsonNode array, ToLongFunction<JsonNode> size) {
    long bytes = 0;
    for (JsonNode element : array) {
      bytes += size.applyAsLong(element);
    }
    return bytes;
  }

  /** One byte per two significant digits, plus one. */
  static long numberBytes(String number) {
    String mantissa = number.split("[eE]", 2)[0].replace("-", "").replace("+", "").replace(".", "");
    int first = 0;
    int last = mantissa.length();
    while (first < last && mantissa.charAt(first) == '0') {
      first++;
    }
    while (last > first && mantissa.charAt(last - 1) == '0') {
      last--;
    }
    int digits = last - first;
    return (digits + 1) / 2 + 1;
  }

  static long base64DecodedLength(String base64) {
    int length = base64.length();
    int padding = 0;
    while (padding < 2 && length - padding > 0 && base64.charAt(length - padding - 1) == '=') {
      padding++;
    }
    return (long) length * 3 / 4 - padding;
  }

  private static long utf8Length(String text) {
    return text.getBytes(StandardCharsets.UTF_8).length;
  }
}
