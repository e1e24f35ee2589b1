package io.ddbio.dynamodb;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What DynamoDB takes where a request names a table: the table's name, or its ARN (for a table
 * another account shares through a resource-based policy, or one in another region).
 */
public final class TableIdentifiers {
  private static final Pattern ARN =
      Pattern.compile("arn:[a-z0-9-]+:dynamodb:[a-z0-9-]+:[0-9]{12}:table/([^/]+)");

  private TableIdentifiers() {}

  /** Whether {@code id} has the shape of a table's ARN. */
  public static boolean isArn(String id) {
    return ARN.matcher(id).matches();
  }

  /** The table name {@code id} stands for: the name inside an ARN, or {@code id} itself. */
  public static String nameOf(String id) {
    Matcher arn = ARN.matcher(id);
    return arn.matches() ? arn.group(1) : id;
  }
}
