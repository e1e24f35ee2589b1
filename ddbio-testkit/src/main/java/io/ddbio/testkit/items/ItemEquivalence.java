package io.ddbio.testkit.items;

import java.math.BigDecimal;
import java.util.Base64;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Compares items the way a DynamoDB round trip changes them: numbers by value ({@code 1E+100} is
 * {@code 1e100}, {@code 36} is {@code 36.0}), sets as sets (order is not kept; {@code NS} members
 * by value), everything else exactly, including attribute names, types, and the order of lists. The
 * order of attributes in a map does not matter.
 */
public final class ItemEquivalence {
  private static final int SHOW_LIMIT = 80;

  private ItemEquivalence() {}

  /**
   * Tells whether two items are the same after a DynamoDB round trip.
   *
   * @param expected one item
   * @param actual another
   * @return true if equivalent
   */
  public static boolean equivalent(
      Map<String, AttributeValue> expected, Map<String, AttributeValue> actual) {
    return describeDifference(expected, actual) == null;
  }

  /**
   * Describes the first difference between two items, naming its attribute path ({@code
   * doc.list[2]}).
   *
   * @param expected the item wanted
   * @param actual the item found
   * @return the difference, or null if the items are equivalent
   */
  public static String describeDifference(
      Map<String, AttributeValue> expected, Map<String, AttributeValue> actual) {
    return mapDifference("", expected, actual);
  }

  /**
   * Asserts that two collections hold the same items, matched by key.
   *
   * @param expected the items wanted
   * @param actual the items found
   * @param keyAttributes the names of the key attributes (hash key, then range key if any)
   * @throws AssertionError listing missing, extra and different items (and keys present twice)
   */
  public static void assertSameItems(
      Collection<Map<String, AttributeValue>> expected,
      Collection<Map<String, AttributeValue>> actual,
      List<String> keyAttributes) {
    String report = ItemSetReport.compare(expected, actual, keyAttributes);
    if (report != null) {
      throw new AssertionError(report);
    }
  }

  private static String mapDifference(
      String path, Map<String, AttributeValue> expected, Map<String, AttributeValue> actual) {
    for (Map.Entry<String, AttributeValue> entry : expected.entrySet()) {
      String name = join(path, entry.getKey());
      AttributeValue found = actual.get(entry.getKey());
      if (found == null) {
        return "attribute \"" + name + "\" is missing (expected " + show(entry.getValue()) + ")";
      }
      String difference = valueDifference(name, entry.getValue(), found);
      if (difference != null) {
        return difference;
      }
    }
    for (Map.Entry<String, AttributeValue> entry : actual.entrySet()) {
      if (!expected.containsKey(entry.getKey())) {
        return "unexpected attribute \""
            + join(path, entry.getKey())
            + "\" = "
            + show(entry.getValue());
      }
    }
    return null;
  }

  private static String valueDifference(
      String path, AttributeValue expected, AttributeValue actual) {
    if (expected.type() == actual.type()) {
      switch (expected.type()) {
        case M:
          return mapDifference(path, expected.m(), actual.m());
        case L:
          return listDifference(path, expected.l(), actual.l());
        default:
          if (sameScalarOrSet(expected, actual)) {
            return null;
          }
      }
    }
    return "attribute \"" + path + "\": expected " + show(expected) + ", found " + show(actual);
  }

  private static boolean sameScalarOrSet(AttributeValue expected, AttributeValue actual) {
    return switch (expected.type()) {
      case N -> sameNumber(expected.n(), actual.n());
      case SS -> new HashSet<>(expected.ss()).equals(new HashSet<>(actual.ss()));
      case NS -> numberSet(expected.ns()).equals(numberSet(actual.ns()));
      case BS -> new HashSet<>(expected.bs()).equals(new HashSet<>(actual.bs()));
      default -> expected.equals(actual);
    };
  }

  private static String listDifference(
      String path, List<AttributeValue> expected, List<AttributeValue> actual) {
    int common = Math.min(expected.size(), actual.size());
    for (int i = 0; i < common; i++) {
      String difference = valueDifference(path + "[" + i + "]", expected.get(i), actual.get(i));
      if (difference != null) {
        return difference;
      }
    }
    if (expected.size() != actual.size()) {
      return "attribute \""
          + path
          + "\": expected a list of "
          + expected.size()
          + " elements, found "
          + actual.size();
    }
    return null;
  }

  static boolean sameNumber(String a, String b) {
    return numberKey(a).equals(numberKey(b));
  }

  /** One spelling per value; a string that is not a number stands for itself. */
  static Object numberKey(String n) {
    try {
      BigDecimal value = new BigDecimal(n);
      return value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
    } catch (NumberFormatException e) {
      return n;
    }
  }

  private static Set<Object> numberSet(List<String> members) {
    Set<Object> set = new HashSet<>();
    for (String member : members) {
      set.add(numberKey(member));
    }
    return set;
  }

  private static String join(String path, String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  static String show(AttributeValue value) {
    String text =
        switch (value.type()) {
          case B -> "B=" + base64(value.b());
          case BS -> "BS=" + value.bs().stream().map(ItemEquivalence::base64).toList();
          default -> value.toString();
        };
    return text.length() > SHOW_LIMIT ? text.substring(0, SHOW_LIMIT) + "…" : text;
  }

  static String base64(SdkBytes bytes) {
    return Base64.getEncoder().encodeToString(bytes.asByteArrayUnsafe());
  }
}
