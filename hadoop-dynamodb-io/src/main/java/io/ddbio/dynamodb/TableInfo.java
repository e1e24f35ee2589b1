package io.ddbio.dynamodb;

import io.ddbio.retry.DynamoDBIOException;
import io.ddbio.retry.Retrier;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputDescription;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * What the library needs to know of a table, read from one DescribeTable.
 *
 * <p>A table has two names here. {@code id} is what the user gave, the table's name or its ARN, and
 * every request must address the table by it: an ARN names a table in another account or region
 * (shared through a resource-based policy), and the bare name would reach a table of the caller's
 * own account and region instead, or a same-named one. {@code name} is the name DynamoDB describes,
 * for messages and metadata.
 *
 * @param id what requests address the table by: the name or ARN the user gave
 * @param name table name, as DescribeTable answers it
 * @param hashKey partition key
 * @param rangeKey sort key, if any
 * @param onDemand whether the table bills per request (no provisioned capacity)
 * @param readUnits provisioned read capacity units (0 when on demand)
 * @param writeUnits provisioned write capacity units (0 when on demand)
 * @param itemCount approximate item count (DynamoDB refreshes it about every six hours)
 * @param sizeBytes approximate table size in bytes (refreshed likewise)
 * @param description the full description, for metadata files
 */
public record TableInfo(
    String id,
    String name,
    KeyAttribute hashKey,
    Optional<KeyAttribute> rangeKey,
    boolean onDemand,
    long readUnits,
    long writeUnits,
    long itemCount,
    long sizeBytes,
    TableDescription description) {

  /**
   * Describes {@code table}. Retries: throttling and transient faults, through {@code retrier}.
   *
   * @throws IOException naming the table when it does not exist or cannot be described
   */
  public static TableInfo describe(DynamoDbClient client, Retrier retrier, String table)
      throws IOException {
    TableDescription d;
    try {
      d =
          retrier.call(
              "DescribeTable " + table,
              () -> client.describeTable(r -> r.tableName(table)).table());
    } catch (DynamoDBIOException e) {
      if (e.getCause() instanceof ResourceNotFoundException) {
        throw new IOException(
            "Table \""
                + table
                + "\" does not exist (check the table name, dynamodb.region and dynamodb.endpoint)",
            e);
      }
      throw e;
    }
    return of(table, d);
  }

  /** Builds the view of a table addressed by its name, from a description already at hand. */
  public static TableInfo of(TableDescription d) {
    return of(d.tableName(), d);
  }

  /**
   * Builds the view from a description already at hand.
   *
   * @param id what requests address the table by: its name or ARN
   */
  public static TableInfo of(String id, TableDescription d) {
    KeyAttribute hash = null;
    KeyAttribute range = null;
    for (KeySchemaElement k : d.keySchema()) {
      KeyAttribute a = new KeyAttribute(k.attributeName(), typeOf(d, k.attributeName()));
      if (k.keyType() == KeyType.HASH) {
        hash = a;
      } else {
        range = a;
      }
    }
    if (hash == null) {
      throw new IllegalStateException("Table " + d.tableName() + " has no partition key");
    }
    ProvisionedThroughputDescription pt = d.provisionedThroughput();
    boolean onDemand =
        d.billingModeSummary() != null
            && d.billingModeSummary().billingMode() == BillingMode.PAY_PER_REQUEST;
    long rcu = pt == null || pt.readCapacityUnits() == null ? 0 : pt.readCapacityUnits();
    long wcu = pt == null || pt.writeCapacityUnits() == null ? 0 : pt.writeCapacityUnits();
    return new TableInfo(
        id,
        d.tableName(),
        hash,
        Optional.ofNullable(range),
        onDemand || (rcu == 0 && wcu == 0),
        rcu,
        wcu,
        d.itemCount() == null ? 0 : d.itemCount(),
        d.tableSizeBytes() == null ? 0 : d.tableSizeBytes(),
        d);
  }

  /** The key attributes, partition key first. */
  public List<KeyAttribute> keys() {
    List<KeyAttribute> keys = new ArrayList<>(2);
    keys.add(hashKey);
    rangeKey.ifPresent(keys::add);
    return keys;
  }

  /** Average item size from the table's statistics, or {@code fallback} when there are none. */
  public double averageItemBytes(double fallback) {
    return itemCount > 0 && sizeBytes > 0 ? (double) sizeBytes / itemCount : fallback;
  }

  private static ScalarAttributeType typeOf(TableDescription d, String attribute) {
    for (AttributeDefinition a : d.attributeDefinitions()) {
      if (a.attributeName().equals(attribute)) {
        return a.attributeType();
      }
    }
    throw new IllegalStateException(
        "Table " + d.tableName() + " defines no type for key attribute " + attribute);
  }
}
