package io.ddbio.mapreduce;

import io.ddbio.testkit.KeySpec;
import io.ddbio.testkit.Tables;
import io.ddbio.testkit.items.RandomItems;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** The tables the library's integration tests use: key {@code pk} (S) + {@code sk} (N). */
final class LibraryTables {
  private LibraryTables() {}

  static void create(DynamoDbClient client, String table) {
    Tables.createTable(client, table, KeySpec.string("pk"), KeySpec.number("sk"), 1000, 1000);
  }

  static List<Map<String, AttributeValue>> generate(int count, long seed) {
    return RandomItems.builder()
        .seed(seed)
        .hashKey("pk", ScalarAttributeType.S)
        .rangeKey("sk", ScalarAttributeType.N)
        .maxDepth(2)
        .build()
        .items(count);
  }

  static List<Map<String, AttributeValue>> createAndFill(
      DynamoDbClient client, String table, int count, long seed) {
    create(client, table);
    List<Map<String, AttributeValue>> items = generate(count, seed);
    Tables.putAll(client, table, items);
    return items;
  }
}
