package io.ddbio.testkit.items;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Items of a chosen size, for tests and benchmarks where capacity, not content, matters: a key
 * {@code pk} (S) + {@code sk} (N), as the jobs' other tests use, and a {@code payload} string that
 * brings the item to the size asked for. DynamoDB charges capacity by size (a write unit per KB, a
 * read unit per 4 KB), so a known size makes a known cost.
 */
public final class SizedItems {
  /** The key attributes, partition key first. */
  public static final List<String> KEY = List.of("pk", "sk");

  private SizedItems() {}

  /**
   * Item {@code index} of about {@code bytes} bytes as DynamoDB counts them (attribute names plus
   * values), never more; at least the key and an empty payload.
   *
   * @param index which item; different indexes give different keys
   * @param bytes the size wanted
   */
  public static Map<String, AttributeValue> item(int index, int bytes) {
    String pk = "item-" + index;
    String sk = Integer.toString(index);
    // A number counts about one byte per two digits plus one; counting one per digit stays under.
    int used = "pk".length() + utf8(pk) + "sk".length() + sk.length() + 1 + "payload".length();
    Map<String, AttributeValue> item = new LinkedHashMap<>();
    item.put("pk", AttributeValue.fromS(pk));
    item.put("sk", AttributeValue.fromN(sk));
    item.put("payload", AttributeValue.fromS(payload(index, Math.max(0, bytes - used))));
    return item;
  }

  /** Items {@code 0 … count-1}, each of about {@code bytes} bytes. */
  public static List<Map<String, AttributeValue>> items(int count, int bytes) {
    return IntStream.range(0, count).mapToObj(i -> item(i, bytes)).toList();
  }

  /** Varied printable ASCII, so nothing along the way can shrink it by compressing repeats. */
  private static String payload(int index, int length) {
    StringBuilder sb = new StringBuilder(length);
    long state = index * 0x9E3779B97F4A7C15L + 1;
    for (int i = 0; i < length; i++) {
      state ^= state << 13;
      state ^= state >>> 7;
      state ^= state << 17;
      sb.append((char) ('!' + Math.floorMod(state, 94)));
    }
    return sb.toString();
  }

  private static int utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }
}
