package io.ddbio.testkit.items;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

class TestRandomItems {
  private static final RandomItems COMPOSITE =
      RandomItems.builder()
          .seed(42)
          .hashKey("pk", ScalarAttributeType.S)
          .rangeKey("sk", ScalarAttributeType.N)
          .build();

  @Test
  void sameSeedSameItemsOtherSeedOtherItems() {
    assertEquals(COMPOSITE.items(200), COMPOSITE.items(200));
    assertEquals(COMPOSITE.items(50).get(17), COMPOSITE.item(17));
    RandomItems other =
        RandomItems.builder()
            .seed(43)
            .hashKey("pk", ScalarAttributeType.S)
            .rangeKey("sk", ScalarAttributeType.N)
            .build();
    assertNotEquals(COMPOSITE.items(200), other.items(200));
  }

  @Test
  void keysAreDistinctAndFirst() {
    for (ScalarAttributeType hash :
        List.of(ScalarAttributeType.S, ScalarAttributeType.N, ScalarAttributeType.B)) {
      RandomItems simple = RandomItems.builder().hashKey("id", hash).build();
      Set<AttributeValue> keys = new HashSet<>();
      for (Map<String, AttributeValue> item : simple.items(3000)) {
        assertEquals("id", item.keySet().iterator().next());
        assertTrue(keys.add(item.get("id")), "repeated key " + item.get("id"));
      }
    }
    Set<List<AttributeValue>> pairs = new HashSet<>();
    Set<AttributeValue> partitions = new HashSet<>();
    for (Map<String, AttributeValue> item : COMPOSITE.items(3000)) {
      assertTrue(pairs.add(List.of(item.get("pk"), item.get("sk"))));
      partitions.add(item.get("pk"));
    }
    assertEquals(1000, partitions.size(), "three items share each partition");
    assertEquals(List.of("pk", "sk"), COMPOSITE.keyAttributes());
  }

  @Test
  void coversEveryTypeAndTheEdgeCases() {
    Coverage coverage = new Coverage();
    COMPOSITE.items(2000).forEach(item -> item.values().forEach(coverage::visit));
    assertEquals(EnumSet.range(AttributeValue.Type.S, AttributeValue.Type.NUL), coverage.types);
    assertTrue(coverage.emptyList && coverage.emptyMap, "empty L and M");
    for (String text : List.of("\u2028", "\u2029", "\u0000", "\u0002", "\n", "😀", "\"", "\\")) {
      assertTrue(coverage.text.toString().contains(text), "no " + text.codePointAt(0));
    }
    assertTrue(coverage.numbers.contains("1E-130"));
    assertTrue(coverage.numbers.contains("9.9999999999999999999999999999999999999E+125"));
    assertTrue(coverage.numbers.contains("-9.9999999999999999999999999999999999999E+125"));
    assertTrue(coverage.numbers.stream().anyMatch(n -> precision(n) == 38), "38 digits");
    assertTrue(coverage.everyByte, "a binary holding every byte value");
  }

  @Test
  void numbersAreWithinDynamoDbLimits() {
    Coverage coverage = new Coverage();
    COMPOSITE.items(2000).forEach(item -> item.values().forEach(coverage::visit));
    for (String n : coverage.numbers) {
      BigDecimal value = new BigDecimal(n);
      if (value.signum() != 0) {
        int exponent = value.precision() - value.scale() - 1;
        assertTrue(precision(n) <= 38, n);
        assertTrue(exponent >= -130 && exponent <= 125, n);
      }
    }
  }

  @Test
  void depthIsBounded() {
    RandomItems flat = RandomItems.builder().maxDepth(0).build();
    Coverage coverage = new Coverage();
    flat.items(500).forEach(item -> item.values().forEach(coverage::visit));
    assertTrue(
        !coverage.types.contains(AttributeValue.Type.M)
            && !coverage.types.contains(AttributeValue.Type.L));
    Coverage deep = new Coverage();
    RandomItems.builder()
        .maxDepth(2)
        .build()
        .items(500)
        .forEach(item -> item.values().forEach(deep::visit));
    assertEquals(2, deep.maxDepth);
  }

  @Test
  void largeItemsComeJustUnderTheLimit() {
    RandomItems large = RandomItems.builder().largeItemEvery(4).build();
    for (int i = 0; i < 4; i += 1) {
      Map<String, AttributeValue> item = large.item(i * 4L + (i % 2));
      long size = approximateSize(item);
      if (i % 2 == 0) {
        assertTrue(size > 399 * 1024 && size < 400 * 1024, "size " + size);
      } else {
        assertTrue(size < 10_000, "size " + size);
      }
    }
  }

  @Test
  void rejectsBadSettings() {
    assertThrows(
        IllegalArgumentException.class,
        () -> RandomItems.builder().hashKey("k", ScalarAttributeType.UNKNOWN_TO_SDK_VERSION));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            RandomItems.builder()
                .hashKey("k", ScalarAttributeType.S)
                .rangeKey("k", ScalarAttributeType.S)
                .build());
    assertThrows(IllegalArgumentException.class, () -> RandomItems.builder().maxDepth(31));
    assertThrows(IllegalArgumentException.class, () -> COMPOSITE.item(-1));
  }

  private static int precision(String n) {
    return new BigDecimal(n).stripTrailingZeros().precision();
  }

  /** Names and values in UTF-8, enough to place an item against the 400 KB limit. */
  private static long approximateSize(Map<String, AttributeValue> item) {
    long size = 0;
    for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
      AttributeValue v = e.getValue();
      size += e.getKey().getBytes(StandardCharsets.UTF_8).length;
      size +=
          v.s() != null
              ? v.s().getBytes(StandardCharsets.UTF_8).length
              : v.b() != null ? v.b().asByteArrayUnsafe().length : 21;
    }
    return size;
  }

  /** What a set of items contains. */
  private static final class Coverage {
    final Set<AttributeValue.Type> types = EnumSet.noneOf(AttributeValue.Type.class);
    final Set<String> numbers = new HashSet<>();
    final StringBuilder text = new StringBuilder();
    boolean emptyList;
    boolean emptyMap;
    boolean everyByte;
    int maxDepth;

    void visit(AttributeValue v) {
      visit(v, 0);
    }

    private void visit(AttributeValue v, int depth) {
      types.add(v.type());
      maxDepth = Math.max(maxDepth, depth);
      switch (v.type()) {
        case S -> text.append(v.s());
        case SS -> v.ss().forEach(text::append);
        case N -> numbers.add(v.n());
        case NS -> numbers.addAll(v.ns());
        case B -> everyByte |= v.b().asByteArrayUnsafe().length == 256;
        case M -> {
          emptyMap |= v.m().isEmpty();
          v.m().keySet().forEach(text::append);
          v.m().values().forEach(child -> visit(child, depth + 1));
        }
        case L -> {
          emptyList |= v.l().isEmpty();
          v.l().forEach(child -> visit(child, depth + 1));
        }
        default -> {}
      }
    }
  }
}
