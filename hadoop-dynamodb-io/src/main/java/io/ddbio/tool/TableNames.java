package io.ddbio.tool;

import io.ddbio.dynamodb.TableIdentifiers;
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
}
