package io.ddbio.testkit.items;

import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * A seeded generator of valid DynamoDB items for property-style tests: every type, nesting to a set
 * depth, empty lists and maps, strings with control characters, U+2028/U+2029 and characters beyond
 * the BMP, numbers at 38 digits and at the ends of the range, binary holding every byte value, and
 * optionally items just under the 400 KB limit.
 *
 * <p>Item {@code i} depends only on the seed, the settings and {@code i}, and its key is derived
 * from {@code i}, so {@code items(n)} yields {@code n} items with distinct keys and the same call
 * always yields the same items. With a range key, consecutive items share a partition three at a
 * time.
 */
public final class RandomItems implements IndexedItems {
  /** DynamoDB's largest item, 400 KB. */
  private static final int MAX_ITEM_BYTES = 400 * 1024;

  /** Room left for keys and names in a near-limit item, comfortably more than they take. */
  private static final int LARGE_ITEM_MARGIN = 1024;

  private static final int ITEMS_PER_PARTITION = 3;
  private static final long GOLDEN = 0x9E3779B97F4A7C15L;

  private final Builder settings;

  private RandomItems(Builder settings) {
    this.settings = settings;
  }

  /**
   * Starts a generator with seed 1, hash key {@code pk} of type S, no range key, depth 3, up to 8
   * attributes besides the key and no near-limit items.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The key attribute names: the hash key, then the range key if there is one.
   *
   * @return the names
   */
  public List<String> keyAttributes() {
    return settings.rangeKey == null
        ? List.of(settings.hashKey)
        : List.of(settings.hashKey, settings.rangeKey);
  }

  /**
   * Item {@code index}; different indexes give different keys.
   *
   * @param index which item, zero or more
   * @return a new mutable item, key attributes first
   */
  @Override
  public Map<String, AttributeValue> item(long index) {
    if (index < 0) {
      throw new IllegalArgumentException("index must not be negative: " + index);
    }
    Map<String, AttributeValue> item = new LinkedHashMap<>();
    if (settings.rangeKey == null) {
      item.put(settings.hashKey, key(settings.hashType, index, 0));
    } else {
      item.put(settings.hashKey, key(settings.hashType, index / ITEMS_PER_PARTITION, 0));
      item.put(settings.rangeKey, key(settings.rangeType, index, 1));
    }
    RandomValues values = new RandomValues(random(index, 2));
    boolean large = settings.largeItemEvery > 0 && index % settings.largeItemEvery == 0;
    if (large) {
      String name = item.containsKey("payload") ? "payload-" : "payload";
      item.put(name, largePayload(values, index));
      return item;
    }
    int attributes = values.random().nextInt(settings.maxAttributes + 1);
    while (item.size() < attributes + keyAttributes().size()) {
      String name = values.name();
      if (!item.containsKey(name)) {
        item.put(name, values.value(settings.maxDepth));
      }
    }
    return item;
  }

  /**
   * A key value unique to {@code id}: random decoration, then {@code id} in a form that cannot be
   * confused with the decoration (after the last {@code #}, or as the last eight bytes).
   */
  private AttributeValue key(ScalarAttributeType type, long id, int stream) {
    RandomValues values = new RandomValues(random(id, stream));
    return switch (type) {
      case S -> AttributeValue.fromS(values.string(6).replace("#", "") + "#" + id);
      case N -> AttributeValue.fromN(Long.toString(id));
      case B -> {
        byte[] prefix = values.binary().asByteArrayUnsafe();
        int length = Math.min(prefix.length, 8);
        yield AttributeValue.fromB(
            SdkBytes.fromByteBuffer(
                ByteBuffer.allocate(length + Long.BYTES)
                    .put(prefix, 0, length)
                    .putLong(id)
                    .flip()));
      }
      default -> throw new IllegalArgumentException("not a key type: " + type);
    };
  }

  /** One string or binary attribute that brings the item to just under 400 KB. */
  private static AttributeValue largePayload(RandomValues values, long index) {
    int size = MAX_ITEM_BYTES - LARGE_ITEM_MARGIN;
    SplittableRandom random = values.random();
    if (index % 2 == 0) {
      byte[] bytes = new byte[size];
      random.nextBytes(bytes);
      return AttributeValue.fromB(SdkBytes.fromByteArrayUnsafe(bytes));
    }
    StringBuilder s = new StringBuilder(size);
    for (int i = 0; i < size; i++) {
      s.append((char) ('a' + random.nextInt(26)));
    }
    return AttributeValue.fromS(s.toString());
  }

  private SplittableRandom random(long index, int stream) {
    return new SplittableRandom(
        settings.seed ^ (index * GOLDEN) ^ Long.rotateLeft(stream * GOLDEN, 32));
  }

  /** Settings of a {@link RandomItems}. */
  public static final class Builder {
    private long seed = 1;
    private String hashKey = "pk";
    private ScalarAttributeType hashType = ScalarAttributeType.S;
    private String rangeKey;
    private ScalarAttributeType rangeType;
    private int maxDepth = 3;
    private int maxAttributes = 8;
    private int largeItemEvery;

    private Builder() {}

    /**
     * Sets the seed.
     *
     * @param seed the seed
     * @return this builder
     */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * Sets the hash (partition) key.
     *
     * @param name its attribute name
     * @param type S, N or B
     * @return this builder
     */
    public Builder hashKey(String name, ScalarAttributeType type) {
      this.hashKey = requireName(name);
      this.hashType = requireKeyType(type);
      return this;
    }

    /**
     * Adds a range (sort) key.
     *
     * @param name its attribute name, not the hash key's
     * @param type S, N or B
     * @return this builder
     */
    public Builder rangeKey(String name, ScalarAttributeType type) {
      this.rangeKey = requireName(name);
      this.rangeType = requireKeyType(type);
      return this;
    }

    /**
     * Sets how deep maps and lists may nest below an attribute (0: no maps or lists).
     *
     * @param maxDepth the depth, 0 … 30
     * @return this builder
     */
    public Builder maxDepth(int maxDepth) {
      if (maxDepth < 0 || maxDepth > 30) {
        throw new IllegalArgumentException("maxDepth must be 0 … 30 (DynamoDB nests 32 deep)");
      }
      this.maxDepth = maxDepth;
      return this;
    }

    /**
     * Sets the most attributes an item has besides its key (it has 0 … this many).
     *
     * @param maxAttributes the number, zero or more
     * @return this builder
     */
    public Builder maxAttributes(int maxAttributes) {
      if (maxAttributes < 0) {
        throw new IllegalArgumentException("maxAttributes must not be negative");
      }
      this.maxAttributes = maxAttributes;
      return this;
    }

    /**
     * Makes every {@code every}-th item (indexes divisible by it) a near-400 KB item: its key and
     * one large string or binary attribute named {@code payload} ({@code payload-} if a key has
     * that name), within 1 KB of the limit.
     *
     * @param every the period, or 0 for none
     * @return this builder
     */
    public Builder largeItemEvery(int every) {
      if (every < 0) {
        throw new IllegalArgumentException("largeItemEvery must not be negative");
      }
      this.largeItemEvery = every;
      return this;
    }

    /**
     * Builds the generator.
     *
     * @return the generator
     */
    public RandomItems build() {
      if (hashKey.equals(rangeKey)) {
        throw new IllegalArgumentException("hash and range key must differ: " + hashKey);
      }
      Builder copy = new Builder();
      copy.seed = seed;
      copy.hashKey = hashKey;
      copy.hashType = hashType;
      copy.rangeKey = rangeKey;
      copy.rangeType = rangeType;
      copy.maxDepth = maxDepth;
      copy.maxAttributes = maxAttributes;
      copy.largeItemEvery = largeItemEvery;
      return new RandomItems(copy);
    }

    private static String requireName(String name) {
      if (Objects.requireNonNull(name, "name").isEmpty()) {
        throw new IllegalArgumentException("key attribute name must not be empty");
      }
      return name;
    }

    private static ScalarAttributeType requireKeyType(ScalarAttributeType type) {
      if (type != ScalarAttributeType.S
          && type != ScalarAttributeType.N
          && type != ScalarAttributeType.B) {
        throw new IllegalArgumentException("key type must be S, N or B, not " + type);
      }
      return type;
    }
  }
}
