package io.ddbio.write;

import io.ddbio.capacity.CapacityBudget;
import io.ddbio.capacity.CapacityMeter;
import io.ddbio.dynamodb.TableIdentifiers;
import io.ddbio.metrics.CounterSink;
import io.ddbio.metrics.DdbioCounter;
import io.ddbio.retry.Backoff;
import io.ddbio.retry.Clock;
import io.ddbio.retry.FailureKind;
import io.ddbio.retry.Retrier;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Sends one batch with BatchWriteItem until every request in it is written.
 *
 * <p>{@code UnprocessedItems} are not an error: DynamoDB accepted part of the batch and asks for
 * the rest later. They are sent again, alone, after a backoff of the retry policy for throttling.
 * An answer that wrote at least one item is progress: the backoff starts again from its first delay
 * and the policy's time limit for throttling runs again from there. Only answers that wrote nothing
 * grow the delay and spend that time; once it is spent the send fails, with an exception naming the
 * table. A request is never dropped.
 */
public final class BatchSender {
  private final DynamoDbClient client;
  private final Retrier retrier;
  private final CapacityMeter meter;
  private final CounterSink counters;
  private final String table;

  public BatchSender(
      DynamoDbClient client,
      Retrier retrier,
      CapacityBudget budget,
      CounterSink counters,
      Clock clock,
      String table) {
    this.client = client;
    this.retrier = retrier;
    this.meter = new CapacityMeter(budget, counters, clock, DdbioCounter.WRITE_CAPACITY_MILLIUNITS);
    this.counters = counters;
    this.table = table;
  }

  /**
   * Writes every request. Retries: throttling and transient faults through the retrier, and
   * unprocessed items through a backoff of the same policy.
   *
   * @param requests at most 25 requests, no two for the same key
   * @param estimatedUnits the write capacity the batch is expected to cost
   */
  public void send(List<WriteRequest> requests, double estimatedUnits) throws IOException {
    String operation = "BatchWriteItem to table \"" + table + "\"";
    Backoff backoff = retrier.backoff(operation);
    List<WriteRequest> pending = requests;
    double pendingUnits = estimatedUnits;
    while (!pending.isEmpty()) {
      meter.await(pendingUnits);
      List<WriteRequest> sending = pending;
      BatchWriteItemResponse response =
          meter
              .send(
                  pendingUnits,
                  () -> retrier.call(operation, () -> write(sending)),
                  sent -> CapacityMeter.units(sent.consumedCapacity()))
              .response();
      counters.add(DdbioCounter.BATCH_WRITES, 1);

      List<WriteRequest> unprocessed = unprocessed(response);
      countWritten(sending, unprocessed);
      if (unprocessed.isEmpty()) {
        return;
      }
      if (unprocessed.size() < sending.size()) {
        // Items landed: the table is slow, not stuck. Waiting longer and longer, and giving up
        // after the time limit, is for a table that takes nothing.
        backoff.reset();
      }
      backoff.pause(
          FailureKind.THROTTLED,
          unprocessed.size() + " of " + sending.size() + " items returned unprocessed");
      // Counted once they are really sent again, not when the pause gives up on them.
      counters.add(DdbioCounter.UNPROCESSED_ITEMS_RETRIED, unprocessed.size());
      pendingUnits = CapacityMeter.share(pendingUnits, unprocessed.size(), sending.size());
      pending = unprocessed;
    }
  }

  /**
   * The requests DynamoDB handed back, keyed by the table they were sent to. The batch names its
   * table by {@link #table} (a name or an ARN); AWS does not say whether the answer to an ARN is
   * keyed by the ARN or by the name inside it, so both mean this table. A key naming any other
   * table cannot be matched with what was sent, and counting the batch as written would lose its
   * items silently: the send fails instead.
   */
  private List<WriteRequest> unprocessed(BatchWriteItemResponse response) throws IOException {
    if (!response.hasUnprocessedItems() || response.unprocessedItems().isEmpty()) {
      return List.of();
    }
    List<WriteRequest> unprocessed = new ArrayList<>();
    for (Map.Entry<String, List<WriteRequest>> e : response.unprocessedItems().entrySet()) {
      if (!e.getKey().equals(table) && !e.getKey().equals(TableIdentifiers.nameOf(table))) {
        throw new IOException(
            "BatchWriteItem to table \""
                + table
                + "\" answered with "
                + e.getValue().size()
                + " unprocessed items of table \""
                + e.getKey()
                + "\", which it was not sent: the batch's items cannot be known written");
      }
      unprocessed.addAll(e.getValue());
    }
    return unprocessed;
  }

  private BatchWriteItemResponse write(List<WriteRequest> requests) {
    return client.batchWriteItem(
        b ->
            b.requestItems(Map.of(table, requests))
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
  }

  private void countWritten(List<WriteRequest> sent, List<WriteRequest> unprocessed) {
    long puts = 0;
    long deletes = 0;
    for (WriteRequest r : sent) {
      if (r.putRequest() != null) {
        puts++;
      } else {
        deletes++;
      }
    }
    for (WriteRequest r : unprocessed) {
      if (r.putRequest() != null) {
        puts--;
      } else {
        deletes--;
      }
    }
    counters.add(DdbioCounter.ITEMS_WRITTEN, puts);
    if (deletes > 0) {
      counters.add(DdbioCounter.ITEMS_DELETED, deletes);
    }
  }
}
