package io.ddbio.export.verify.table;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Where two items differ, by DynamoDB's notion of equal: numbers by value ({@code 1.50} is {@code
 * 1.5}), sets as sets, maps whatever their order, everything else exactly.
 */
final class ItemDifference {
  private ItemDifference() {}

  /** The first difference, naming its attribute path, or null when the items are equal. */
  static String of(Map<String, AttributeValue> backup, Map<String, AttributeValue> table) {
    return maps("", backup, table);
  }

  private static String maps(
      String path, Map<String, AttributeValue> backup, Map<String, AttributeValue> table) {
    for (Map.Entry<String, AttributeValue> e : backup.entrySet()) {
      String at = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
      AttributeValue other = table.get(e.getKey());
      if (other == null) {
        return at + " is in the backup but not in the table";
      }
      String d = values(at, e.getValue(), other);
      if (d != null) {
        return d;
      }
    }
    for (String name : table.keySet()) {
      if (!backup.containsKey(name)) {
        return (path.isEmpty() ? name : path + "." + name)
            + " is in the table but not in the backup";
      }
    }
    return null;
  }

  private static String values(String path, AttributeValue backup, AttributeValue table) {
    if (backup.type() != table.type()) {
      return path + " is " + backup.type() + " in the backup, " + table.type() + " in the table";
    }
    if (backup.type() == AttributeValue.Type.M) {
      return maps(path, backup.m(), table.m());
    }
    if (backup.type() == AttributeValue.Type.L) {
      return lists(path, backup.l(), table.l());
    }
    boolean same =
        switch (backup.type()) {
          case N -> number(backup.n()).equals(number(table.n()));
          case NS -> numbers(backup.ns()).equals(numbers(table.ns()));
          case SS -> new HashSet<>(backup.ss()).equals(new HashSet<>(table.ss()));
          case BS -> new HashSet<>(backup.bs()).equals(new HashSet<>(table.bs()));
          default -> backup.equals(table);
        };
    return same ? null : path + " has another value in the table";
  }

  private static String lists(
      String path, List<AttributeValue> backup, List<AttributeValue> table) {
    if (backup.size() != table.size()) {
      return path
          + " has "
          + backup.size()
          + " elements in the backup, "
          + table.size()
          + " in the table";
    }
    for (int i = 0; i < backup.size(); i++) {
      String d = values(path + "[" + i + "]", backup.get(i), table.get(i));
      if (d != null) {
        return d;
      }
    }
    return null;
  }

  private static BigDecimal number(String n) {
    BigDecimal v = new BigDecimal(n);
    return v.signum() == 0 ? BigDecimal.ZERO : v.stripTrailingZeros();
  }

  private static Set<BigDecimal> numbers(List<String> members) {
    Set<BigDecimal> set = new HashSet<>();
    members.forEach(m -> set.add(number(m)));
    return set;
  }
}
