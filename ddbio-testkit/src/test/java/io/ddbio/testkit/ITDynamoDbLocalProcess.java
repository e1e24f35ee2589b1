package io.ddbio.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** DynamoDB Local in a JVM of its own. */
class ITDynamoDbLocalProcess {
  @Test
  void servesFromItsOwnJvmAndIsGoneAfterClose() {
    DynamoDbLocalProcess process = DynamoDbLocalProcess.start();
    long pid = process.pid();
    try {
      assertNotEquals(ProcessHandle.current().pid(), pid);
      assertTrue(process.jvm().isAlive());
      assertEquals("127.0.0.1", process.endpoint().getHost());
      assertEquals(process.port(), process.endpoint().getPort());

      try (DynamoDbClient client = process.newClient()) {
        Tables.createTable(client, "in-child", KeySpec.string("id"), null);
        Map<String, AttributeValue> item =
            Map.of("id", AttributeValue.fromS("a"), "n", AttributeValue.fromN("42"));
        client.putItem(r -> r.tableName("in-child").item(item));

        Map<String, AttributeValue> read =
            client.getItem(r -> r.tableName("in-child").key(Map.of("id", item.get("id")))).item();
        assertEquals(item, read);
      }
    } finally {
      process.close();
    }

    assertFalse(process.jvm().isAlive());
    assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "pid " + pid);
    // 0 means it stopped on the end of its stdin: no signal was needed.
    assertEquals(Optional.of(0), process.jvm().exitCode());
    process.close(); // a second close does nothing
  }

  @Test
  void servesOnTheRecordedClassPath() {
    try (DynamoDbLocalProcess process = DynamoDbLocalProcess.startIsolated();
        DynamoDbClient client = process.newClient()) {
      Tables.createTable(client, "isolated", KeySpec.string("id"), null);
      assertTrue(client.listTables().tableNames().contains("isolated"));
    }
  }
}
