package io.ddbio.write;

import io.ddbio.dynamodb.KeyAttribute;
import io.ddbio.item.DynamoDbNumbers;
import io.ddbio.item.ItemFormatException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Extracts and checks an item's primary key against a table's key schema, so an item without its
 * key fails here with a message naming the attribute, not deep inside a batch with DynamoDB's
 * generic ValidationException.
 */
public final class ItemKeys {
  private final String table;
  private final List<KeyAttribute> keys;

  public ItemKeys(String table, List<KeyAttribute> keys) {
    this.table = table;
    this.keys = List.copyOf(keys);
  }

  /** The key attributes, partition key first. */
  public List<KeyAttribute> attributes() {
    return keys;
  }

  /**
   * The item's primary key.
   *
   * @throws InvalidItemException when a key attribute is missing or has the wrong type
   */
  public Map<String, AttributeValue> keyOf(Map<String, AttributeValue> item) {
    Map<String, AttributeValue> key = new LinkedHashMap<>(4);
    for (KeyAttribute k : keys) {
      AttributeValue v = item.get(k.name());
      if (v == null) {
        throw new InvalidItemException(
            "Item has no key attribute "
                + k
                + " of table \""
                + table
                + "\""
                + describePresentKey(item));
      }
      if (!k.accepts(v)) {
        throw new InvalidItemException(
            "Key attribute "
                + k
                + " of table \""
                + table
                + "\" has type "
                + v.type()
                + describePresentKey(item));
      }
      if (isEmptyKeyValue(v)) {
        throw new InvalidItemException(
            "Key attribute "
                + k
                + " of table \""
                + table
                + "\" is empty"
                + describePresentKey(item));
      }
      key.put(k.name(), v);
    }
    return key;
  }

  /**
   * The key as DynamoDB compares keys: numbers by value, so {@code 1}, {@code 1.0} and {@code
   * 10E-1} give the same identity; strings and binaries as they are. Equal identities are one key.
   *
   * @param key a key from {@link #keyOf}
   */
  public static Map<String, AttributeValue> identity(Map<String, AttributeValue> key) {
    if (key.values().stream().allMatch(v -> v.n() == null)) {
      return key;
    }
    Map<String, AttributeValue> identity = new LinkedHashMap<>(4);
    key.forEach(
        (name, v) ->
            identity.put(name, v.n() == null ? v : AttributeValue.fromN(canonicalOrAsIs(v.n()))));
    return identity;
  }

  /** An invalid number is DynamoDB's to refuse; as a key it is only compared as written. */
  private static String canonicalOrAsIs(String n) {
    try {
      return DynamoDbNumbers.canonical(n);
    } catch (ItemFormatException e) {
      return n;
    }
  }

  /** Renders the item's key for messages, e.g. {@code {pk=S:"user#1", sk=N:5}}. */
  public String describe(Map<String, AttributeValue> item) {
    StringBuilder sb = new StringBuilder("{");
    for (KeyAttribute k : keys) {
      AttributeValue v = item.get(k.name());
      if (sb.length() > 1) {
        sb.append(", ");
      }
      sb.append(k.name()).append('=').append(v == null ? "(missing)" : render(v));
    }
    return sb.append('}').toString();
  }

  private String describePresentKey(Map<String, AttributeValue> item) {
    return ": item key " + describe(item);
  }

  private static boolean isEmptyKeyValue(AttributeValue v) {
    return (v.s() != null && v.s().isEmpty()) || (v.b() != null && v.b().asByteArray().length == 0);
  }

  private static String render(AttributeValue v) {
    if (v.s() != null) {
      String s = v.s().length() > 64 ? v.s().substring(0, 64) + "…" : v.s();
      return "S:\"" + s + "\"";
    }
    if (v.n() != null) {
      return "N:" + v.n();
    }
    if (v.b() != null) {
      return "B:(" + v.b().asByteArray().length + " bytes)";
    }
    return String.valueOf(v.type());
  }
}
