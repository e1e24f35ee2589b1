package io.ddbio.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/** The table helpers against DynamoDB Local. */
class ITTables {
  private static DynamoDbLocal server;
  private static DynamoDbClient client;

  @BeforeAll
  static void start() {
    server = DynamoDbLocal.start();
    client = server.newClient();
  }

  @AfterAll
  static void stop() {
    if (client != null) {
      client.close();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  void createsAProvisionedTableWithBothKeysAndWaitsForActive() {
    TableDescription table =
        Tables.createTable(client, "provisioned", KeySpec.string("pk"), KeySpec.binary("sk"), 7, 3);

    assertEquals(TableStatus.ACTIVE, table.tableStatus());
    assertEquals(7L, table.provisionedThroughput().readCapacityUnits());
    assertEquals(3L, table.provisionedThroughput().writeCapacityUnits());
    assertEquals(
        List.of(
            KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
            KeySchemaElement.builder().attributeName("sk").keyType(KeyType.RANGE).build()),
        table.keySchema());
    assertEquals(ScalarAttributeType.B, type(table, "sk"));
  }

  @Test
  void createsAnOnDemandTableWithAPartitionKeyOnly() {
    TableDescription table = Tables.createTable(client, "on-demand", KeySpec.number("n"), null);

    assertEquals(TableStatus.ACTIVE, table.tableStatus());
    assertEquals(1, table.keySchema().size());
    assertEquals(ScalarAttributeType.N, type(table, "n"));
  }

  @Test
  void writesAPartialLastBatchAndNothingForNoItems() {
    String table = "partial-batch";
    Tables.createTable(client, table, KeySpec.string("id"), KeySpec.number("version"));

    assertEquals(0, Tables.putAll(client, table, List.of()));
    assertEquals(26, Tables.putAll(client, table, ITDynamoDbLocal.items(26)));
    assertEquals(26, Tables.scanAll(client, table).size());
  }

  @Test
  void deletesATableAndWaitsUntilItIsGone() {
    String table = "to-delete";
    Tables.createTable(client, table, KeySpec.string("id"), null);
    assertTrue(client.listTables().tableNames().contains(table));

    Tables.deleteTable(client, table);

    assertFalse(client.listTables().tableNames().contains(table));
  }

  @Test
  void scansATableOfMoreThanOnePage() {
    String table = "pages";
    Tables.createTable(client, table, KeySpec.string("id"), KeySpec.number("version"));
    List<Map<String, AttributeValue>> items = ITDynamoDbLocal.items(Tables.SCAN_PAGE_SIZE * 2 + 1);
    Tables.putAll(client, table, items);

    assertEquals(items.size(), Tables.scanAll(client, table).size());
  }

  private static ScalarAttributeType type(TableDescription table, String attribute) {
    return table.attributeDefinitions().stream()
        .filter(d -> d.attributeName().equals(attribute))
        .findFirst()
        .orElseThrow()
        .attributeType();
  }
}
