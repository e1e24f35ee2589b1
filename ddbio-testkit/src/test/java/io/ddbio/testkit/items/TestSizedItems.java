package io.ddbio.testkit.items;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class TestSizedItems {
  /** DynamoDB's size: names in UTF-8, strings in UTF-8, a number at most its digits plus one. */
  private static int size(Map<String, AttributeValue> item) {
    int size = 0;
    for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
      size += e.getKey().getBytes(StandardCharsets.UTF_8).length;
      AttributeValue v = e.getValue();
      size += v.s() != null ? v.s().getBytes(StandardCharsets.UTF_8).length : v.n().length() + 1;
    }
    return size;
  }

  @Test
  void itemsComeCloseToTheSizeAskedForWithoutGoingOver() {
    for (int index : new int[] {0, 7, 12_345, 9_999_999}) {
      for (int bytes : new int[] {1_000, 4_000, 100_000}) {
        int size = size(SizedItems.item(index, bytes));
        assertTrue(size <= bytes && size > bytes - 8, index + ": " + size + " for " + bytes);
      }
    }
  }

  @Test
  void keysAreDistinctAndTheSameIndexGivesTheSameItem() {
    assertEquals(SizedItems.item(3, 500), SizedItems.item(3, 500));
    assertNotEquals(SizedItems.item(3, 500).get("pk"), SizedItems.item(4, 500).get("pk"));
    assertEquals(100, SizedItems.items(100, 50).stream().map(i -> i.get("pk")).distinct().count());
    assertEquals(SizedItems.KEY, SizedItems.item(0, 10).keySet().stream().limit(2).toList());
  }

  @Test
  void aSizeTooSmallForTheKeyGivesAnEmptyPayload() {
    assertEquals("", SizedItems.item(1, 3).get("payload").s());
  }
}
