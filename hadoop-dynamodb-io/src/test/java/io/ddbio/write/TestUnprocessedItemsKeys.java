package io.ddbio.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbio.capacity.CapacityBudget;
import io.ddbio.metrics.DdbioCounter;
import io.ddbio.metrics.RetryCounters;
import io.ddbio.retry.DynamoDBRetryPolicy;
import io.ddbio.retry.Retrier;
import io.ddbio.testing.FakeTime;
import io.ddbio.testing.RecordingCounters;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Which table an UnprocessedItems answer is about: the one the batch was sent to, by the name or
 * ARN it was sent by, or by the name inside that ARN. Any other key is an answer the sender cannot
 * match with its requests.
 */
class TestUnprocessedItemsKeys {
  private static final String ARN = "arn:aws:dynamodb:eu-west-1:111122223333:table/orders";

  private final FakeTime time = new FakeTime();
  private final RecordingCounters counters = new RecordingCounters();

  private BatchSender sender(FakeBatchTable fake, String table) {
    Retrier retrier =
        new Retrier(
            DynamoDBRetryPolicy.builder().throttleTimeLimit(Duration.ofMinutes(2)).build(),
            time,
            time,
            new RetryCounters(counters));
    CapacityBudget budget = new CapacityBudget(1_000_000, Duration.ofSeconds(1), time, time);
    return new BatchSender(fake, retrier, budget, counters, time, table);
  }

  private static List<WriteRequest> puts(int n) {
    List<WriteRequest> puts = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Map<String, AttributeValue> item = Map.of("pk", AttributeValue.fromS("k" + i));
      puts.add(WriteRequest.builder().putRequest(p -> p.item(item)).build());
    }
    return puts;
  }

  @Test
  void unprocessedItemsOfATableSentByArnMayBeKeyedByTheArnOrItsName() throws IOException {
    for (String key : List.of(ARN, "orders")) {
      FakeBatchTable fake = new FakeBatchTable(ARN, call -> call == 0 ? 4 : 0);
      fake.unprocessedKey = key;
      sender(fake, ARN).send(puts(10), 10);
      assertEquals(10, fake.rows.size(), key);
    }
    assertEquals(20, counters.get(DdbioCounter.ITEMS_WRITTEN));
  }

  @Test
  void unprocessedItemsOfAnotherTableFailTheSendAndAreNotCountedWritten() {
    FakeBatchTable fake = new FakeBatchTable("orders", call -> 4);
    fake.unprocessedKey = "invoices";
    IOException e =
        assertThrows(IOException.class, () -> sender(fake, "orders").send(puts(10), 10));
    assertTrue(e.getMessage().contains("\"invoices\""), e.getMessage());
    assertTrue(e.getMessage().contains("\"orders\""), e.getMessage());
    assertEquals(0, counters.get(DdbioCounter.ITEMS_WRITTEN), "nothing known written");
  }

  @Test
  void theNameInsideAnArnIsNotTakenForAnotherAccountsArn() {
    FakeBatchTable fake = new FakeBatchTable(ARN, call -> 4);
    fake.unprocessedKey = "arn:aws:dynamodb:eu-west-1:444455556666:table/orders";
    assertThrows(IOException.class, () -> sender(fake, ARN).send(puts(10), 10));
  }
}
