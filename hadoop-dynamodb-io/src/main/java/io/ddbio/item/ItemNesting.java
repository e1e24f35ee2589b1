package io.ddbio.item;

import java.util.Collection;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * How deeply an item nests maps and lists, counted as DynamoDB counts it: the item is the first
 * level and each {@code M} or {@code L} inside another adds one. DynamoDB takes up to {@link
 * #MAX_LEVELS} (the developer guide's "nested attributes up to 32 levels deep"; DynamoDB Local, as
 * measured by {@code ITRefusedItems}, takes 31 maps inside one another in an attribute and refuses
 * 32) and refuses the whole batch holding an item nested deeper.
 */
public final class ItemNesting {
  /** The most levels DynamoDB takes, the item counting as the first. */
  public static final int MAX_LEVELS = 32;

  private ItemNesting() {}

  /**
   * The attribute that nests deepest and how deep.
   *
   * @param attribute the top-level attribute holding the deepest value
   * @param levels its levels, the item counting as the first: 1 for an item of scalars
   */
  public record Deepest(String attribute, int levels) {}

  /** The deepest top-level attribute of {@code item}. */
  public static Deepest of(Map<String, AttributeValue> item) {
    String attribute = null;
    int deepest = 0;
    for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
      int d = containers(e.getValue());
      if (d > deepest || attribute == null) {
        attribute = e.getKey();
        deepest = Math.max(deepest, d);
      }
    }
    return new Deepest(attribute, 1 + deepest);
  }

  /** Maps and lists in the deepest chain of {@code v}, {@code v} itself included. */
  private static int containers(AttributeValue v) {
    if (v.hasM()) {
      return 1 + deepest(v.m().values());
    }
    if (v.hasL()) {
      return 1 + deepest(v.l());
    }
    return 0;
  }

  private static int deepest(Collection<AttributeValue> values) {
    int deepest = 0;
    for (AttributeValue e : values) {
      deepest = Math.max(deepest, containers(e));
    }
    return deepest;
  }
}
