package io.ddbio.testkit.items;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A generator that derives each item from its index alone, so that a test or benchmark can make
 * item {@code i} again, in any order and on any thread, without keeping the items it loaded.
 */
public interface IndexedItems {
  /**
   * Item {@code index}; different indexes give different keys.
   *
   * @param index which item, zero or more
   * @return a new mutable item, key attributes first
   */
  Map<String, AttributeValue> item(long index);

  /**
   * Items {@code 0 … count-1}.
   *
   * @param count how many
   * @return the items, each with a distinct key
   */
  default List<Map<String, AttributeValue>> items(int count) {
    List<Map<String, AttributeValue>> items = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      items.add(item(i));
    }
    return items;
  }
}
