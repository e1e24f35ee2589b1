package io.ddbio.testkit.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbio.testkit.KeySpec;
import io.ddbio.testkit.LocalClients;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * The extension starts DynamoDB Local once per class, with a client and, if asked, the emulator.
 */
class ITLocalDynamoDb {
  @RegisterExtension static final LocalDynamoDb ddb = LocalDynamoDb.started();

  @RegisterExtension static final LocalDynamoDb emulated = LocalDynamoDb.behindEmulator();

  @RegisterExtension
  static final LocalDynamoDb noBurst = LocalDynamoDb.behindEmulator().withoutBurstCredit();

  @Test
  void givesAStartedServerOnLoopbackAndAClientOfIt() {
    assertEquals("127.0.0.1", ddb.endpoint().getHost());
    assertEquals(ddb.local().endpoint(), ddb.endpoint());
    assertEquals(List.of(), ddb.client().listTables().tableNames());
  }

  @Test
  void createsATableOfTheGivenKeySchema() {
    TableDescription table = ddb.createTable("keyed", KeySpec.string("id"), KeySpec.number("v"));

    assertEquals(TableStatus.ACTIVE, table.tableStatus());
    assertEquals(
        List.of(
            KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build(),
            KeySchemaElement.builder().attributeName("v").keyType(KeyType.RANGE).build()),
        table.keySchema());
    assertTrue(ddb.client().listTables().tableNames().contains("keyed"));
    ddb.client().deleteTable(r -> r.tableName("keyed"));
  }

  @Test
  void hasNoEmulatorUnlessAskedFor() {
    IllegalStateException e = assertThrows(IllegalStateException.class, ddb::emulator);
    assertTrue(e.getMessage().contains("behindEmulator()"), e.getMessage());
  }

  @Test
  void putsTheEmulatorInFrontWhenAskedAndItsClientBypassesIt() {
    assertEquals(emulated.emulator().endpoint(), emulated.endpoint());
    assertNotEquals(emulated.local().endpoint(), emulated.endpoint());
    assertNotEquals(ddb.endpoint(), emulated.local().endpoint());
    assertSame(emulated.emulated().emulator(), emulated.emulator());
    emulated.createTable("metered", KeySpec.string("id"), null);
    long before = emulated.emulator().stats("metered").requests();

    Map<String, AttributeValue> item = Map.of("id", AttributeValue.fromS("a"));
    emulated.client().putItem(r -> r.tableName("metered").item(item));
    assertEquals(before, emulated.emulator().stats("metered").requests());
    try (DynamoDbClient metered = LocalClients.newClient(emulated.endpoint())) {
      metered.getItem(r -> r.tableName("metered").key(item));
    }
    assertEquals(before + 1, emulated.emulator().stats("metered").requests());
  }

  @Test
  void burstCreditIsDroppedWhenAskedAndOnlyBehindTheEmulator() {
    assertEquals(0, noBurst.emulator().burstSeconds());
    assertNotEquals(0, emulated.emulator().burstSeconds());
    assertThrows(IllegalStateException.class, () -> LocalDynamoDb.started().withoutBurstCredit());
  }

  @Nested
  class InANestedClass {
    @Test
    void sharesTheOuterClassServer() {
      assertEquals(ddb.local().endpoint(), ddb.endpoint());
      assertTrue(ddb.local().port() > 0);
    }
  }
}
