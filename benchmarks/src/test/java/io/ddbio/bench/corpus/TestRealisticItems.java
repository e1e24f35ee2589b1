package io.ddbio.bench.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbio.item.DynamoDbNumbers;
import io.ddbio.item.ItemSize;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class TestRealisticItems {
  @Test
  void sameSeedSameItems() {
    RealisticItems a = new RealisticItems(7, RealisticItems.Profile.MIXED);
    RealisticItems b = new RealisticItems(7, RealisticItems.Profile.MIXED);
    assertEquals(a.items(200), b.items(200));
  }

  @Test
  void sizesStayInTheProfilesRangeAndSpreadOverIt() {
    for (RealisticItems.Profile profile : RealisticItems.Profile.values()) {
      List<Map<String, AttributeValue>> items = new RealisticItems(1, profile).items(2000);
      long min = Long.MAX_VALUE;
      long max = 0;
      for (Map<String, AttributeValue> item : items) {
        long size = ItemSize.of(item);
        min = Math.min(min, size);
        max = Math.max(max, size);
        assertTrue(size <= profile.maxBytes(), profile + " item of " + size + " bytes");
      }
      // The smallest items are the key and fixed attributes alone, just under the range's floor.
      assertTrue(min < profile.minBytes() * 1.5, profile + " smallest " + min);
      assertTrue(max > profile.maxBytes() * 0.8, profile + " largest " + max);
    }
  }

  @Test
  void everyTypeOccursAndKeysAreDistinctAndNumbersValid() {
    List<Map<String, AttributeValue>> items =
        new RealisticItems(1, RealisticItems.Profile.MIXED).items(2000);
    Set<AttributeValue.Type> types = EnumSet.noneOf(AttributeValue.Type.class);
    Set<Map<String, AttributeValue>> keys = new HashSet<>();
    for (Map<String, AttributeValue> item : items) {
      keys.add(RealisticItems.keyOf(item));
      item.values().forEach(v -> collect(v, types));
    }
    assertEquals(items.size(), keys.size(), "distinct keys");
    assertEquals(
        EnumSet.complementOf(EnumSet.of(AttributeValue.Type.UNKNOWN_TO_SDK_VERSION)), types);
  }

  private static void collect(AttributeValue v, Set<AttributeValue.Type> types) {
    types.add(v.type());
    switch (v.type()) {
      case N -> DynamoDbNumbers.validate(v.n());
      case NS -> v.ns().forEach(DynamoDbNumbers::validate);
      case M -> v.m().values().forEach(inner -> collect(inner, types));
      case L -> v.l().forEach(inner -> collect(inner, types));
      default -> {}
    }
  }
}
