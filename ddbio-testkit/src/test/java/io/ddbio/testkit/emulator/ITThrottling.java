package io.ddbio.testkit.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.ddbio.testkit.KeySpec;
import io.ddbio.testkit.Tables;
import io.ddbio.testkit.junit.LocalDynamoDb;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Provisioned capacity through the emulator, as the SDK sees it: throttles and unprocessed items.
 */
class ITThrottling {
  /** Burst credit would let the first seconds run faster than the provisioned rate. */
  @RegisterExtension
  static final LocalDynamoDb dynamoDb = LocalDynamoDb.behindEmulator().withoutBurstCredit();

  private static DynamoDbClient client;

  @BeforeAll
  static void start() {
    client = EmulatorFixtures.clientWithoutRetries(dynamoDb.endpoint());
  }

  @AfterAll
  static void stop() {
    client.close();
  }

  @Test
  void aScanAtTenReadUnitsIsThrottledAndHeldNearTenUnitsASecond() throws InterruptedException {
    String table = "scan-at-ten";
    Tables.createTable(dynamoDb.client(), table, KeySpec.string("id"), null);
    Tables.putAll(dynamoDb.client(), table, EmulatorFixtures.items("s", 200, 900));
    dynamoDb.emulator().setCapacity(table, 10, Double.POSITIVE_INFINITY);

    long throttles = 0;
    long pages = 0;
    Map<String, AttributeValue> startKey = null;
    long deadline = System.nanoTime() + 3_500_000_000L;
    for (int request = 0; request < 20_000 && System.nanoTime() < deadline; request++) {
      Map<String, AttributeValue> from = startKey;
      try {
        ScanResponse page = client.scan(r -> r.tableName(table).limit(5).exclusiveStartKey(from));
        pages++;
        assertNull(page.consumedCapacity(), "not asked for, so not returned");
        startKey = page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null;
      } catch (ProvisionedThroughputExceededException e) {
        assertEquals(ProvisionedThroughputExceededException.class, e.getClass());
        assertEquals(400, e.statusCode());
        throttles++;
        // The debt takes a fraction of a second to pay off; no need to spin meanwhile.
        Thread.sleep(5);
      }
    }

    TableStats stats = dynamoDb.emulator().stats(table);
    assertTrue(throttles > 0, "throttled requests");
    assertTrue(pages > 10, "pages read: " + pages);
    assertEquals(throttles, stats.throttledRequests());
    assertEquals(throttles + pages, stats.requests());
    // The first and last seconds are partly outside the loop; the ones between were full.
    List<TableStats.Second> timeline = stats.timeline();
    assertTrue(timeline.size() >= 4, "seconds recorded: " + timeline);
    List<TableStats.Second> full = timeline.subList(1, timeline.size() - 1);
    double units = full.stream().mapToDouble(TableStats.Second::readUnits).sum();
    double perSecond = units / full.size();
    assertTrue(perSecond > 6 && perSecond < 13, "read units per second " + perSecond + full);
    for (TableStats.Second second : full) {
      assertTrue(second.readUnits() < 16, "read units in one second: " + second);
    }
  }

  @Test
  void aWriteToATableInDebtIsRefused() {
    String table = "write-in-debt";
    Tables.createTable(dynamoDb.client(), table, KeySpec.string("id"), null);
    dynamoDb.emulator().setCapacity(table, Double.POSITIVE_INFINITY, 1);
    List<Map<String, AttributeValue>> items = EmulatorFixtures.items("w", 2, 3000);

    client.putItem(r -> r.tableName(table).item(items.get(0)));
    ProvisionedThroughputExceededException refused =
        assertThrows(
            ProvisionedThroughputExceededException.class,
            () -> client.putItem(r -> r.tableName(table).item(items.get(1))));

    assertEquals(ProvisionedThroughputExceededException.class, refused.getClass());
    assertEquals("ProvisionedThroughputExceededException", refused.awsErrorDetails().errorCode());
    assertEquals(
        1, Tables.scanAll(dynamoDb.client(), table).size(), "the refused item was not written");
    assertEquals(3.0, dynamoDb.emulator().stats(table).consumedWriteUnits(), "a 3 KB item");
  }

  @Test
  void aBatchOverBudgetReturnsUnprocessedItemsThatResubmittingWrites() throws InterruptedException {
    String table = "batch-over-budget";
    Tables.createTable(dynamoDb.client(), table, KeySpec.string("id"), null);
    dynamoDb.emulator().setCapacity(table, Double.POSITIVE_INFINITY, 20);
    List<Map<String, AttributeValue>> items = EmulatorFixtures.items("b", 60, 400);

    long unprocessedSeen = 0;
    long throttles = 0;
    long deadline = System.nanoTime() + 20_000_000_000L;
    for (int from = 0; from < items.size(); from += 25) {
      List<WriteRequest> pending = new ArrayList<>();
      for (Map<String, AttributeValue> item :
          items.subList(from, Math.min(from + 25, items.size()))) {
        pending.add(
            WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
      }
      for (int round = 0; !pending.isEmpty(); round++) {
        if (round == 500 || System.nanoTime() > deadline) {
          fail(pending.size() + " items still unprocessed after " + round + " rounds");
        }
        List<WriteRequest> sent = pending;
        try {
          BatchWriteItemResponse response =
              client.batchWriteItem(b -> b.requestItems(Map.of(table, sent)));
          pending = response.unprocessedItems().getOrDefault(table, List.of());
          // The leading requests were written, the trailing ones handed back as they were.
          assertEquals(sent.subList(sent.size() - pending.size(), sent.size()), pending);
          unprocessedSeen += pending.size();
        } catch (ProvisionedThroughputExceededException e) {
          throttles++;
        }
        if (!pending.isEmpty()) {
          Thread.sleep(50);
        }
      }
    }

    assertTrue(unprocessedSeen > 0, "some items came back unprocessed");
    assertEquals(new HashSet<>(items), new HashSet<>(Tables.scanAll(dynamoDb.client(), table)));
    TableStats stats = dynamoDb.emulator().stats(table);
    assertEquals(unprocessedSeen, stats.unprocessedItems());
    assertEquals(throttles, stats.throttledRequests());
    assertEquals(60.0, stats.consumedWriteUnits(), "one unit per item of less than 1 KB");
    assertFalse(stats.timeline().isEmpty());
  }
}
