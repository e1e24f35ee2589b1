package io.ddbio.testkit.items;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Matches two collections of items by key and reports how they differ. */
final class ItemSetReport {
  /** How many entries of each kind the report lists before it only counts. */
  private static final int LISTED = 10;

  private final List<String> missing = new ArrayList<>();
  private final List<String> extra = new ArrayList<>();
  private final List<String> different = new ArrayList<>();
  private final List<String> twice = new ArrayList<>();

  private ItemSetReport() {}

  /** The report, or null if both collections hold the same items. */
  static String compare(
      Collection<Map<String, AttributeValue>> expected,
      Collection<Map<String, AttributeValue>> actual,
      List<String> keyAttributes) {
    ItemSetReport report = new ItemSetReport();
    Map<String, Map<String, AttributeValue>> wanted =
        report.byKey(expected, keyAttributes, "expected");
    Map<String, Map<String, AttributeValue>> found = report.byKey(actual, keyAttributes, "actual");
    for (Map.Entry<String, Map<String, AttributeValue>> entry : wanted.entrySet()) {
      Map<String, AttributeValue> other = found.get(entry.getKey());
      if (other == null) {
        report.missing.add(entry.getKey());
      } else {
        String difference = ItemEquivalence.describeDifference(entry.getValue(), other);
        if (difference != null) {
          report.different.add(entry.getKey() + ": " + difference);
        }
      }
    }
    for (String key : found.keySet()) {
      if (!wanted.containsKey(key)) {
        report.extra.add(key);
      }
    }
    return report.render(expected.size(), actual.size());
  }

  private Map<String, Map<String, AttributeValue>> byKey(
      Collection<Map<String, AttributeValue>> items, List<String> keyAttributes, String side) {
    Map<String, Map<String, AttributeValue>> byKey = new LinkedHashMap<>();
    for (Map<String, AttributeValue> item : items) {
      String key = key(item, keyAttributes);
      if (byKey.put(key, item) != null) {
        twice.add(side + " " + key);
      }
    }
    return byKey;
  }

  /** The key as text, numbers by value and binary as base64, so equal keys give equal text. */
  private static String key(Map<String, AttributeValue> item, List<String> keyAttributes) {
    StringBuilder key = new StringBuilder("{");
    for (String name : keyAttributes) {
      AttributeValue value = item.get(name);
      key.append(key.length() > 1 ? ", " : "").append(name).append('=');
      if (value == null) {
        key.append("<missing>");
      } else {
        switch (value.type()) {
          case S -> key.append("S:\"").append(value.s()).append('"');
          case N -> key.append("N:").append(ItemEquivalence.numberKey(value.n()));
          case B -> key.append("B:").append(ItemEquivalence.base64(value.b()));
          default -> key.append("not a key type: ").append(ItemEquivalence.show(value));
        }
      }
    }
    return key.append('}').toString();
  }

  private String render(int expectedCount, int actualCount) {
    if (missing.isEmpty() && extra.isEmpty() && different.isEmpty() && twice.isEmpty()) {
      return null;
    }
    StringBuilder out =
        new StringBuilder("items differ: ")
            .append(missing.size())
            .append(" missing, ")
            .append(extra.size())
            .append(" extra, ")
            .append(different.size())
            .append(" different, ")
            .append(twice.size())
            .append(" keys present twice (expected ")
            .append(expectedCount)
            .append(" items, actual ")
            .append(actualCount)
            .append(')');
    list(out, "missing", missing);
    list(out, "extra", extra);
    list(out, "different", different);
    list(out, "key twice in", twice);
    return out.toString();
  }

  private static void list(StringBuilder out, String label, List<String> entries) {
    for (int i = 0; i < Math.min(LISTED, entries.size()); i++) {
      out.append("\n  ").append(label).append(' ').append(entries.get(i));
    }
    if (entries.size() > LISTED) {
      out.append("\n  … and ").append(entries.size() - LISTED).append(" more ").append(label);
    }
  }
}
