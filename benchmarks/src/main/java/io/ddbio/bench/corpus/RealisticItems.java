package io.ddbio.bench.corpus;

import io.ddbio.item.ItemSize;
import io.ddbio.testkit.items.IndexedItems;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A seeded generator of items shaped like the rows of an ordinary application table, for measuring
 * speed rather than hunting edge cases (the test kit's {@code RandomItems} does that, and its
 * deliberately tricky strings and 38-digit numbers would make a speed figure unrepresentative).
 *
 * <p>Each item has the key {@code pk} (S, three items per partition) and {@code sk} (N), a few
 * always-present attributes, and then attributes drawn from a fixed menu covering every DynamoDB
 * type (nested maps and lists included) until its DynamoDB size reaches a target drawn
 * log-uniformly from the profile's range. Item {@code i} depends only on the seed, the profile and
 * {@code i}.
 */
public final class RealisticItems implements IndexedItems {
  /** Key attribute names. */
  public static final String HASH_KEY = "pk";

  /** Sort key attribute name. */
  public static final String RANGE_KEY = "sk";

  private static final long GOLDEN = 0x9E3779B97F4A7C15L;

  /** A bound on attributes per item, so an unlucky draw cannot loop for long. */
  private static final int MAX_ATTRIBUTES = 200;

  /** Below this much room left, an item is finished rather than padded with a tiny string. */
  private static final int MIN_FILLER = 12;

  /** The range of item sizes, in DynamoDB's item-size bytes. */
  public enum Profile {
    /** 100 B to 4 KB, log-uniform: most items are a few hundred bytes, some are kilobytes. */
    MIXED(100, 4096),
    /** 100 B to 400 B: where per-value overheads weigh most. */
    SMALL(100, 400);

    private final int minBytes;
    private final int maxBytes;

    Profile(int minBytes, int maxBytes) {
      this.minBytes = minBytes;
      this.maxBytes = maxBytes;
    }

    /** The smallest target size. */
    public int minBytes() {
      return minBytes;
    }

    /** The largest target size; no item exceeds it. */
    public int maxBytes() {
      return maxBytes;
    }
  }

  private final long seed;
  private final Profile profile;

  /**
   * @param seed the seed; the same seed and profile always give the same items
   * @param profile the size range
   */
  public RealisticItems(long seed, Profile profile) {
    this.seed = seed;
    this.profile = profile;
  }

  /** Item {@code index}; different indexes give different keys. */
  @Override
  public Map<String, AttributeValue> item(long index) {
    SplittableRandom random = new SplittableRandom(seed ^ (index * GOLDEN));
    Values values = new Values(random);
    double logMin = Math.log(profile.minBytes);
    double logMax = Math.log(profile.maxBytes);
    long target = Math.round(Math.exp(logMin + random.nextDouble() * (logMax - logMin)));

    Map<String, AttributeValue> item = new LinkedHashMap<>();
    item.put(HASH_KEY, AttributeValue.fromS("cust#" + (1_000_000 + index / 3)));
    item.put(RANGE_KEY, AttributeValue.fromN(Long.toString(index)));
    item.put("kind", AttributeValue.fromS(values.kind()));
    item.put("createdAt", AttributeValue.fromN(Long.toString(1_700_000_000_000L + index * 997)));
    long size = ItemSize.of(item);
    while (size < target && item.size() < MAX_ATTRIBUTES) {
      String name = values.attributeName(item);
      AttributeValue value = values.any();
      long added = ItemSize.of(Map.of(name, value));
      if (size + added > profile.maxBytes) {
        long room = profile.maxBytes - size - name.length();
        if (room >= MIN_FILLER) {
          item.put(name, AttributeValue.fromS(values.text((int) room)));
          size = ItemSize.of(item);
          // Multi-byte characters can overshoot; drop the filler rather than exceed the range.
          if (size > profile.maxBytes) {
            item.remove(name);
          }
        }
        break;
      }
      item.put(name, value);
      size += added;
    }
    return item;
  }

  /** The key attributes of an item from this generator. */
  public static Map<String, AttributeValue> keyOf(Map<String, AttributeValue> item) {
    return Map.of(HASH_KEY, item.get(HASH_KEY), RANGE_KEY, item.get(RANGE_KEY));
  }

  /** Draws values from the menu; one instance serves one item. */
  private static final class Values {
    private static final List<String> KINDS = List.of("order", "profile", "event", "session");
    private static final List<String> NAMES =
        List.of(
            "name",
            "email",
            "status",
            "price",
            "qty",
            "score",
            "active",
            "deletedAt",
            "thumb",
            "tags",
            "ratings",
            "chunks",
            "address",
            "lines",
            "history",
            "description",
            "note",
            "total",
            "visits",
            "flags");

    private final SplittableRandom random;
    private final Words words;

    Values(SplittableRandom random) {
      this.random = random;
      this.words = new Words(random);
    }

    String kind() {
      return KINDS.get(random.nextInt(KINDS.size()));
    }

    /** A menu name, suffixed when the item already has it. */
    String attributeName(Map<String, AttributeValue> item) {
      String base = NAMES.get(random.nextInt(NAMES.size()));
      String name = base;
      for (int n = 2; item.containsKey(name); n++) {
        name = base + n;
      }
      return name;
    }

    String text(int chars) {
      return words.text(chars);
    }

    /**
     * A value of any type, weighted like application data: strings and numbers most often, then
     * maps and lists, then sets, binary, booleans and nulls.
     */
    AttributeValue any() {
      int pick = random.nextInt(100);
      if (pick < 25) {
        return AttributeValue.fromS(words.text(4 + random.nextInt(40)));
      }
      if (pick < 45) {
        return AttributeValue.fromN(number());
      }
      if (pick < 52) {
        return AttributeValue.fromS(words.text(60 + random.nextInt(500)));
      }
      if (pick < 62) {
        return AttributeValue.fromM(address());
      }
      if (pick < 70) {
        return AttributeValue.fromL(orderLines());
      }
      if (pick < 74) {
        return AttributeValue.fromL(history());
      }
      if (pick < 79) {
        return AttributeValue.fromSs(distinctWords(1 + random.nextInt(6)));
      }
      if (pick < 83) {
        return AttributeValue.fromNs(distinctNumbers(1 + random.nextInt(5)));
      }
      if (pick < 85) {
        return AttributeValue.fromBs(List.of(binary(8, 24), binary(25, 40)));
      }
      if (pick < 90) {
        return AttributeValue.fromB(binary(16, 96));
      }
      if (pick < 96) {
        return AttributeValue.fromBool(random.nextBoolean());
      }
      return AttributeValue.fromNul(true);
    }

    /** Prices, counts, timestamps, now and then a negative number or one with an exponent. */
    String number() {
      return switch (random.nextInt(6)) {
        case 0 -> Integer.toString(random.nextInt(1000));
        case 1 -> random.nextInt(100_000) + "." + (10 + random.nextInt(90));
        case 2 -> Long.toString(1_600_000_000_000L + random.nextLong(100_000_000_000L));
        case 3 -> "-" + random.nextInt(10_000);
        case 4 -> (1 + random.nextInt(9)) + "." + random.nextInt(1000) + "E-" + random.nextInt(9);
        default -> Integer.toString(random.nextInt(Integer.MAX_VALUE));
      };
    }

    Map<String, AttributeValue> address() {
      Map<String, AttributeValue> geo = new LinkedHashMap<>();
      geo.put("lat", AttributeValue.fromN(coordinate(90)));
      geo.put("lon", AttributeValue.fromN(coordinate(180)));
      Map<String, AttributeValue> m = new LinkedHashMap<>();
      m.put("street", AttributeValue.fromS(random.nextInt(300) + " " + words.text(12)));
      m.put("city", AttributeValue.fromS(words.word()));
      m.put("zip", AttributeValue.fromS(Integer.toString(10_000 + random.nextInt(89_999))));
      m.put("geo", AttributeValue.fromM(geo));
      return m;
    }

    private String coordinate(int max) {
      return (random.nextBoolean() ? "-" : "")
          + random.nextInt(max)
          + "."
          + (100_000 + random.nextInt(899_999));
    }

    List<AttributeValue> orderLines() {
      int n = 1 + random.nextInt(4);
      List<AttributeValue> lines = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        Map<String, AttributeValue> line = new LinkedHashMap<>();
        line.put("sku", AttributeValue.fromS(words.code("sku")));
        line.put("qty", AttributeValue.fromN(Integer.toString(1 + random.nextInt(9))));
        line.put("price", AttributeValue.fromN(random.nextInt(500) + "." + random.nextInt(100)));
        line.put("gift", AttributeValue.fromBool(random.nextInt(10) == 0));
        lines.add(AttributeValue.fromM(line));
      }
      return lines;
    }

    List<AttributeValue> history() {
      int n = 1 + random.nextInt(6);
      List<AttributeValue> list = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        list.add(
            random.nextBoolean()
                ? AttributeValue.fromS(words.code("evt"))
                : AttributeValue.fromN(number()));
      }
      return list;
    }

    List<String> distinctWords(int n) {
      List<String> set = new ArrayList<>(n);
      // Bounded: the word list is far longer than any set, so few draws repeat.
      for (int attempt = 0; set.size() < n && attempt < n * 4; attempt++) {
        String w = words.word();
        if (!set.contains(w)) {
          set.add(w);
        }
      }
      return set;
    }

    List<String> distinctNumbers(int n) {
      List<String> set = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        // Distinct by construction: the index sets the thousands of the integer part.
        set.add((i * 1000 + random.nextInt(1000)) + "." + (1 + random.nextInt(9)));
      }
      return set;
    }

    SdkBytes binary(int min, int max) {
      byte[] bytes = new byte[min + random.nextInt(max - min + 1)];
      random.nextBytes(bytes);
      return SdkBytes.fromByteArrayUnsafe(bytes);
    }
  }
}
