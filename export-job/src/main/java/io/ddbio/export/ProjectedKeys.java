package io.ddbio.export;

import io.ddbio.config.ScanExpressions;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which key attributes a projection leaves out. Items without their key cannot be written back to a
 * table, by our import or by DynamoDB's Import from S3, so the tool warns about it; it does not
 * refuse, since such an export may be wanted for analysis.
 */
public final class ProjectedKeys {
  private ProjectedKeys() {}

  /**
   * @param keys the table's key attribute names
   * @return the key attributes the projection does not return, in {@code keys}' order; empty when
   *     there is no projection
   */
  public static List<String> missing(ScanExpressions expressions, List<String> keys) {
    if (expressions.projection().isEmpty()) {
      return List.of();
    }
    Set<String> topLevel = new HashSet<>();
    for (String path : expressions.projection().get().split(",")) {
      // A path's first element ends at its first '.' (map member) or '[' (list element).
      String first = path.strip().split("[.\\[]", 2)[0].strip();
      topLevel.add(expressions.names().getOrDefault(first, first));
    }
    return keys.stream().filter(k -> !topLevel.contains(k)).toList();
  }
}
