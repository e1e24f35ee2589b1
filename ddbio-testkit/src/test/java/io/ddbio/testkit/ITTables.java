package io.ddbio.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbio.testkit.junit.LocalDynamoDb;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/** The table helpers against DynamoDB Local. */
class ITTables {
  @RegisterExtension static final LocalDynamoDb ddb = LocalDynamoDb.started();

  @Test
  void createsAProvisionedTableWithBothKeysAndWaitsForActive() {
    TableDescription table =
        Tables.createTable(
            ddb.client(), "provisioned", KeySpec.string("pk"), KeySpec.binary("sk"), 7, 3);

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
    TableDescription table =
        Tables.createTable(ddb.client(), "on-demand", KeySpec.number("n"), null);

    assertEquals(TableStatus.ACTIVE, table.tableStatus());
    assertEquals(1, table.keySchema().size());
    assertEquals(ScalarAttributeType.N, type(table, "n"));
  }

  @Test
  void writesAPartialLastBatchAndNothingForNoItems() {
    String table = "partial-batch";
    Tables.createTable(ddb.client(), table, KeySpec.string("id"), KeySpec.number("version"));

    assertEquals(0, Tables.putAll(ddb.client(), table, List.of()));
    assertEquals(26, Tables.putAll(ddb.client(), table, ITDynamoDbLocal.items(26)));
    assertEquals(26, Tables.scanAll(ddb.client(), table).size());
  }

  @Test
  void deletesATableAndWaitsUntilItIsGone() {
    String table = "to-delete";
    Tables.createTable(ddb.client(), table, KeySpec.string("id"), null);
    assertTrue(ddb.client().listTables().tableNames().contains(table));

    Tables.deleteTable(ddb.client(), table);

    assertFalse(ddb.client().listTables().tableNames().contains(table));
  }

  @Test
  void scansATableOfMoreThanOnePage() {
    String table = "pages";
    Tables.createTable(ddb.client(), table, KeySpec.string("id"), KeySpec.number("version"));
    List<Map<String, AttributeValue>> items = ITDynamoDbLocal.items(Tables.SCAN_PAGE_SIZE * 2 + 1);
    Tables.putAll(ddb.client(), table, items);

    assertEquals(items.size(), Tables.scanAll(ddb.client(), table).size());
  }

  @Test
  void pkSkTablesAreCreatedFilledAndComparedByKey() {
    String table = "pk-sk";
    List<Map<String, AttributeValue>> items = PkSkTables.createAndFill(ddb.client(), table, 60, 7);

    assertEquals(PkSkTables.generate(60, 7), items);
    assertEquals(60, Tables.scanAll(ddb.client(), table).size());
    PkSkTables.assertHolds(ddb.client(), table, items);
    assertThrows(
        AssertionError.class,
        () -> PkSkTables.assertHolds(ddb.client(), table, items.subList(1, items.size())));
  }

  private static ScalarAttributeType type(TableDescription table, String attribute) {
    return table.attributeDefinitions().stream()
        .filter(d -> d.attributeName().equals(attribute))
        .findFirst()
        .orElseThrow()
        .attributeType();
  }
}
