package io.ddbio.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbio.capacity.CapacityBudget;
import io.ddbio.dynamodb.KeyAttribute;
import io.ddbio.item.ItemSize;
import io.ddbio.metrics.DdbioCounter;
import io.ddbio.metrics.RetryCounters;
import io.ddbio.retry.DynamoDBIOException;
import io.ddbio.retry.DynamoDBRetryPolicy;
import io.ddbio.retry.Retrier;
import io.ddbio.testing.FakeTime;
import io.ddbio.testing.RecordingCounters;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.IntUnaryOperator;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

class TestTableWriter {
  private static final String TABLE = "T";

  private final FakeTime time = new FakeTime();
  private final RecordingCounters counters = new RecordingCounters();

  private TableWriter writer(FakeBatchTable fake) {
    return writer(
        fake,
        DynamoDBRetryPolicy.builder().throttleTimeLimit(Duration.ofMinutes(2)),
        new ItemKeys(TABLE, List.of(new KeyAttribute("pk", ScalarAttributeType.S))));
  }

  private TableWriter writer(FakeBatchTable fake, DynamoDBRetryPolicy.Builder policy) {
    return writer(
        fake, policy, new ItemKeys(TABLE, List.of(new KeyAttribute("pk", ScalarAttributeType.S))));
  }

  private TableWriter writer(FakeBatchTable fake, ItemKeys keys) {
    return writer(
        fake, DynamoDBRetryPolicy.builder().throttleTimeLimit(Duration.ofMinutes(2)), keys);
  }

  private TableWriter writer(
      FakeBatchTable fake, DynamoDBRetryPolicy.Builder policy, ItemKeys keys) {
    Retrier retrier = new Retrier(policy.build(), time, time, new RetryCounters(counters));
    CapacityBudget budget = new CapacityBudget(1_000_000, Duration.ofSeconds(1), time, time);
    BatchSender sender = new BatchSender(fake, retrier, budget, counters, time, TABLE);
    return new TableWriter(sender, keys, TABLE);
  }

  /** What a test writes through the writer, before the writer is closed. */
  private interface Writing {
    void with(TableWriter w) throws IOException;
  }

  /** A table that accepts every item, after the writing went through a writer, now closed. */
  private FakeBatchTable writtenThrough(Writing writing) throws IOException {
    FakeBatchTable fake = new FakeBatchTable(TABLE, call -> 0);
    try (TableWriter w = writer(fake)) {
      writing.with(w);
    }
    return fake;
  }

  private static Map<String, AttributeValue> item(String pk, String v) {
    return Map.of("pk", AttributeValue.fromS(pk), "v", AttributeValue.fromS(v));
  }

  @Test
  void sendsBatchesOfAtMost25AndEveryItem() throws IOException {
    FakeBatchTable fake =
        writtenThrough(
            w -> {
              for (int i = 0; i < 60; i++) {
                w.put(item("k" + i, "v"));
              }
            });
    assertEquals(List.of(25, 25, 10), fake.batchSizes);
    assertEquals(60, fake.rows.size());
    assertEquals(60, counters.get(DdbioCounter.ITEMS_WRITTEN));
    assertEquals(3, counters.get(DdbioCounter.BATCH_WRITES));
  }

  @Test
  void aSizeTheCallerMeasuredIsUsedNotMeasuredAgain() throws IOException {
    FakeBatchTable fake =
        writtenThrough(
            w -> {
              // A size that is not the item's shows which one the writer goes by.
              InvalidItemException e =
                  assertThrows(
                      InvalidItemException.class, () -> w.put(item("a", "v"), 400 * 1024 + 1));
              assertTrue(e.getMessage().contains("is 409601 bytes"), e.getMessage());
              w.put(item("b", "v"), -1);
              w.put(item("c", "v"), ItemSize.of(item("c", "v")));
            });
    assertEquals(2, fake.rows.size());
  }

  @Test
  void sameKeyTwiceGoesInSeparateBatchesAndTheLaterWins() throws IOException {
    FakeBatchTable fake =
        writtenThrough(
            w -> {
              w.put(item("a", "first"));
              w.put(item("b", "x"));
              w.put(item("a", "second"));
            });
    assertEquals(List.of(2, 1), fake.batchSizes);
    assertEquals("second", fake.rows.get(AttributeValue.fromS("a")).get("v").s());
  }

  @Test
  void keysEqualAsNumbersGoInSeparateBatchesAndTheLaterWins() throws IOException {
    // DynamoDB compares numbers by value: 1 and 1.0 in one batch are the same key twice.
    FakeBatchTable fake = new FakeBatchTable(TABLE, call -> 0);
    TableWriter w =
        writer(fake, new ItemKeys(TABLE, List.of(new KeyAttribute("pk", ScalarAttributeType.N))));
    w.put(Map.of("pk", AttributeValue.fromN("1"), "v", AttributeValue.fromS("first")));
    w.put(Map.of("pk", AttributeValue.fromN("2"), "v", AttributeValue.fromS("x")));
    w.put(Map.of("pk", AttributeValue.fromN("1.0"), "v", AttributeValue.fromS("second")));
    w.put(Map.of("pk", AttributeValue.fromN("20E-1"), "v", AttributeValue.fromS("third")));
    w.close();

    assertEquals(List.of(2, 2), fake.batchSizes);
    assertEquals(2, fake.rows.size());
    assertEquals("second", fake.rows.get(java.math.BigDecimal.ONE).get("v").s());
    assertEquals("third", fake.rows.get(new java.math.BigDecimal("2")).get("v").s());
  }

  @Test
  void aDeleteAfterAPutOfTheSameKeyLandsAfterIt() throws IOException {
    FakeBatchTable fake =
        writtenThrough(
            w -> {
              w.put(item("a", "v"));
              w.put(item("b", "v"));
              w.delete(Map.of("pk", AttributeValue.fromS("a")));
            });
    assertEquals(List.of(2, 1), fake.batchSizes);
    assertEquals(List.of(AttributeValue.fromS("b")), List.copyOf(fake.rows.keySet()));
    assertEquals(1, counters.get(DdbioCounter.ITEMS_DELETED));
  }

  @Test
  void unprocessedItemsAreSentAgainUntilWrittenWithGrowingBackoff() throws IOException {
    // The first four calls leave 10 requests unprocessed, as a throttled table does.
    IntUnaryOperator busy = call -> call < 4 ? 10 : 0;
    FakeBatchTable fake = new FakeBatchTable(TABLE, busy);
    try (TableWriter w = writer(fake)) {
      for (int i = 0; i < 25; i++) {
        w.put(item("k" + i, "v"));
      }
    }
    assertEquals(25, fake.rows.size());
    assertEquals(25, counters.get(DdbioCounter.ITEMS_WRITTEN));
    assertEquals(40, counters.get(DdbioCounter.UNPROCESSED_ITEMS_RETRIED));
    assertEquals(List.of(25, 10, 10, 10, 10), fake.batchSizes);
    assertEquals(4, time.sleeps().size(), "one backoff per unprocessed answer");
  }

  @Test
  void endlessUnprocessedItemsFailNamingTheTableAndCountOnlyWhatLanded() throws IOException {
    FakeBatchTable fake = new FakeBatchTable(TABLE, call -> 5);
    TableWriter w = writer(fake);
    for (int i = 0; i < 24; i++) {
      w.put(item("k" + i, "v"));
    }
    DynamoDBIOException e = assertThrows(DynamoDBIOException.class, w::flush);
    assertTrue(e.getMessage().contains("\"T\""), e.getMessage());
    assertEquals(fake.rows.size(), counters.get(DdbioCounter.ITEMS_WRITTEN));
    assertTrue(
        time.totalSlept().compareTo(Duration.ofMinutes(2)) >= 0, "gave up only after the limit");
  }

  @Test
  void itemWithoutItsKeyIsRejectedBeforeAnythingIsSent() {
    FakeBatchTable fake = new FakeBatchTable(TABLE, call -> 0);
    TableWriter w = writer(fake);
    InvalidItemException e =
        assertThrows(
            InvalidItemException.class, () -> w.put(Map.of("v", AttributeValue.fromS("x"))));
    assertTrue(e.getMessage().contains("pk (S)"), e.getMessage());
    assertThrows(InvalidItemException.class, () -> w.put(Map.of("pk", AttributeValue.fromN("1"))));
    assertEquals(0, fake.calls());
  }

  @Test
  void itemOver400KbIsRejectedNamingItsKey() {
    FakeBatchTable fake = new FakeBatchTable(TABLE, call -> 0);
    TableWriter w = writer(fake);
    String big = "x".repeat(401 * 1024);
    InvalidItemException e =
        assertThrows(InvalidItemException.class, () -> w.put(item("huge", big)));
    assertTrue(e.getMessage().contains("huge"), e.getMessage());
    assertEquals(0, fake.calls());
  }

  /** A one-second patience and delays at their ceiling (50 ms doubling), so sleeps are exact. */
  private static DynamoDBRetryPolicy.Builder impatient() {
    return DynamoDBRetryPolicy.builder()
        .throttleBaseDelay(Duration.ofMillis(50))
        .throttleTimeLimit(Duration.ofSeconds(1))
        .jitter(() -> 1.0);
  }

  private static List<Duration> millis(long... ms) {
    return java.util.Arrays.stream(ms).mapToObj(Duration::ofMillis).toList();
  }

  @Test
  void progressInEveryAnswerNeverSpendsThePatienceNorGrowsTheDelay() throws IOException {
    // Each answer writes one item and hands the rest back: 24 slow rounds, far longer in all
    // than the one-second patience, but never a round without progress.
    FakeBatchTable fake = new FakeBatchTable(TABLE, call -> 24 - call);
    try (TableWriter w = writer(fake, impatient())) {
      for (int i = 0; i < 25; i++) {
        w.put(item("k" + i, "v"));
      }
    }
    assertEquals(25, fake.rows.size());
    assertEquals(25, counters.get(DdbioCounter.ITEMS_WRITTEN));
    assertEquals(25, fake.calls());
    assertEquals(java.util.Collections.nCopies(24, Duration.ofMillis(50)), time.sleeps());
    assertEquals(24 * 25 / 2, counters.get(DdbioCounter.UNPROCESSED_ITEMS_RETRIED));
    assertEquals(
        0, counters.get(DdbioCounter.THROTTLED_REQUESTS), "no request was answered with an error");
  }

  @Test
  void anAnswerWithProgressRestartsTheBackoff() throws IOException {
    // Four answers write nothing, the fifth writes 5 of 25, the sixth nothing, the seventh all.
    IntUnaryOperator answers = call -> call < 4 ? 25 : call < 6 ? 20 : 0;
    FakeBatchTable fake = new FakeBatchTable(TABLE, answers);
    try (TableWriter w = writer(fake, impatient())) {
      for (int i = 0; i < 25; i++) {
        w.put(item("k" + i, "v"));
      }
    }
    assertEquals(25, fake.rows.size());
    assertEquals(List.of(25, 25, 25, 25, 25, 20, 20), fake.batchSizes);
    assertEquals(millis(50, 100, 200, 400, 50, 100), time.sleeps());
    assertEquals(4 * 25 + 20 + 20, counters.get(DdbioCounter.UNPROCESSED_ITEMS_RETRIED));
    assertEquals(0, counters.get(DdbioCounter.THROTTLED_REQUESTS));
  }

  @Test
  void noProgressGrowsTheDelayAndFailsWhenThePatienceIsSpentKeepingEveryItem() throws IOException {
    FakeBatchTable fake = new FakeBatchTable(TABLE, call -> 25);
    TableWriter w = writer(fake, impatient());
    for (int i = 0; i < 24; i++) {
      w.put(item("k" + i, "v"));
    }
    // The 25th item fills the batch, which is sent at once.
    DynamoDBIOException e = assertThrows(DynamoDBIOException.class, () -> w.put(item("k24", "v")));
    assertTrue(e.getMessage().contains("\"T\""), e.getMessage());
    assertTrue(e.getMessage().contains("25 of 25 items returned unprocessed"), e.getMessage());
    // 50 + 100 + 200 + 400 + 800 ms: the sixth answer without progress is past one second.
    assertEquals(millis(50, 100, 200, 400, 800), time.sleeps());
    assertEquals(6, fake.calls());
    assertEquals(0, fake.rows.size());
    assertEquals(0, counters.get(DdbioCounter.ITEMS_WRITTEN));
    // The last answer's items were not sent again: the task fails with them instead.
    assertEquals(5 * 25, counters.get(DdbioCounter.UNPROCESSED_ITEMS_RETRIED));
    assertEquals(0, counters.get(DdbioCounter.THROTTLED_REQUESTS));
  }
}
