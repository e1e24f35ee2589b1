package io.ddbio.importer;

import io.ddbio.testkit.KeySpec;
import io.ddbio.testkit.Tables;
import io.ddbio.testkit.items.ItemEquivalence;
import io.ddbio.testkit.items.RandomItems;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** Destination tables of the import's integration tests: key {@code pk} (S) + {@code sk} (N). */
final class ImportTables {
  static final List<String> KEY = List.of("pk", "sk");

  private ImportTables() {}

  /** Creates a provisioned table keyed like the fixtures. */
  static void create(DynamoDbClient client, String table) {
    Tables.createTable(client, table, KeySpec.string("pk"), KeySpec.number("sk"), 1000, 1000);
  }

  /** Asserts the table holds exactly {@code items}. */
  static void assertHolds(
      DynamoDbClient client, String table, List<Map<String, AttributeValue>> items) {
    ItemEquivalence.assertSameItems(items, Tables.scanAll(client, table), KEY);
  }

  /** Random items with the fixtures' key. */
  static List<Map<String, AttributeValue>> generate(int count) {
    return RandomItems.builder()
        .seed(count)
        .hashKey("pk", ScalarAttributeType.S)
        .rangeKey("sk", ScalarAttributeType.N)
        .maxDepth(2)
        .build()
        .items(count);
  }
}
