package io.ddbio.tool;

import io.ddbio.dynamodb.TableIdentifiers;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * DynamoDB's rule for table names, checked when a command line is parsed: a name it would refuse
 * fails there with the rule, not later as a ValidationException from the first request. A table's
 * ARN, which DynamoDB takes in place of the name (for a table another account shares through a
 * resource-based policy), passes when the name inside it does.
 */
public final class TableNames {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{3,255}");

  private TableNames() {}

  /**
   * Checks a table name or ARN given on a command line.
   *
   * @param name the table name or ARN, trimmed
   * @param what how the command line calls it, e.g. {@code <table>}
   * @return {@code name}
   * @throws UsageException naming the value and the rule
   */
  public static String check(String name, String what) {
    if (!NAME.matcher(TableIdentifiers.nameOf(name)).matches()) {
      throw new UsageException(
          what
              + " \""
              + name
              + "\" is not a DynamoDB table name: 3 to 255 characters of a-z, A-Z, 0-9, '_', '-'"
              + " and '.' (or the table's ARN)");
    }
    return name;
  }

  /**
   * Checks a comma-separated list of table names or ARNs given on a command line, such as {@code
   * Orders,Customers}. A comma cannot be part of a name or of a table's ARN, so the list is never
   * ambiguous. One name is a list of one.
   *
   * @param list the names, separated by commas; spaces around each are dropped
   * @param what how the command line calls it, e.g. {@code <table>}
   * @return the names in the order given
   * @throws UsageException for an empty element, a name DynamoDB would refuse, or a table named
   *     twice (also once by name and once by ARN: both would be exported to the same place)
   */
  public static List<String> checkList(String list, String what) {
    List<String> names = new ArrayList<>();
    Map<String, String> byName = new HashMap<>();
    for (String raw : list.split(",", -1)) {
      String name = raw.trim();
      if (name.isEmpty()) {
        throw new UsageException(
            what + " \"" + list + "\" has an empty name: separate table names by single commas");
      }
      check(name, what);
      String earlier = byName.putIfAbsent(TableIdentifiers.nameOf(name), name);
      if (earlier != null) {
        throw new UsageException(
            what
                + " \""
                + list
                + "\" names table \""
                + TableIdentifiers.nameOf(name)
                + "\" twice"
                + (earlier.equals(name) ? "" : " (\"" + earlier + "\" and \"" + name + "\")")
                + ": each table is exported once, into a folder named after it");
      }
      names.add(name);
    }
    return List.copyOf(names);
  }
}
