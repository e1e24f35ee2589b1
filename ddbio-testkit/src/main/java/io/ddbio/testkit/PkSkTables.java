package io.ddbio.testkit;

import io.ddbio.testkit.items.ItemEquivalence;
import io.ddbio.testkit.items.RandomItems;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The table most integration tests use: key {@code pk} (S) + {@code sk} (N), as the fixtures are
 * keyed, filled with random nested items.
 */
public final class PkSkTables {
  /** The key attributes, hash key first. */
  public static final List<String> KEYS = List.of("pk", "sk");

  private PkSkTables() {}

  /** Creates an empty table with 1,000 read and write units (DynamoDB Local ignores them). */
  public static void create(DynamoDbClient client, String table) {
    Tables.createTable(client, table, KeySpec.string("pk"), KeySpec.number("sk"), 1000, 1000);
  }

  /** {@code count} random items with distinct keys, nested two deep, the same for the same seed. */
  public static List<Map<String, AttributeValue>> generate(int count, long seed) {
    return RandomItems.builder()
        .seed(seed)
        .hashKey("pk", ScalarAttributeType.S)
        .rangeKey("sk", ScalarAttributeType.N)
        .maxDepth(2)
        .build()
        .items(count);
  }

  /** Creates a table, fills it with {@code count} random items and returns them. */
  public static List<Map<String, AttributeValue>> createAndFill(
      DynamoDbClient client, String table, int count, long seed) {
    create(client, table);
    List<Map<String, AttributeValue>> items = generate(count, seed);
    Tables.putAll(client, table, items);
    return items;
  }

  /**
   * Asserts that {@code actual} holds exactly {@code expected}: no item missing, extra or twice.
   */
  public static void assertSameItems(
      Collection<Map<String, AttributeValue>> expected,
      Collection<Map<String, AttributeValue>> actual) {
    ItemEquivalence.assertSameItems(expected, actual, KEYS);
  }

  /** Asserts that the table holds exactly {@code expected}. */
  public static void assertHolds(
      DynamoDbClient client, String table, Collection<Map<String, AttributeValue>> expected) {
    assertSameItems(expected, Tables.scanAll(client, table));
  }
}
