package io.ddbio.scan;

import io.ddbio.config.ScanExpressions;
import io.ddbio.config.ScanOptions;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What every segment of one scan asks DynamoDB for.
 *
 * @param table table name
 * @param consistentRead strongly consistent reads
 * @param projection projection expression, if any
 * @param filter filter expression, if any
 * @param names expression attribute names ({@code #n -> name})
 * @param values expression attribute values ({@code :v -> value})
 */
public record ScanSpec(
    String table,
    boolean consistentRead,
    Optional<String> projection,
    Optional<String> filter,
    Map<String, String> names,
    Map<String, AttributeValue> values) {

  public ScanSpec {
    names = Map.copyOf(names);
    values = Map.copyOf(values);
  }

  /** The scan {@code options} ask for: their table, consistency, projection and filter. */
  public static ScanSpec of(ScanOptions options) {
    ScanExpressions e = options.expressions();
    return new ScanSpec(
        options.table(),
        options.consistentRead(),
        e.projection(),
        e.filter(),
        e.names(),
        e.values());
  }

  /** A plain scan of every attribute of every item. */
  public static ScanSpec wholeTable(String table, boolean consistentRead) {
    return new ScanSpec(
        table, consistentRead, Optional.empty(), Optional.empty(), Map.of(), Map.of());
  }
}
