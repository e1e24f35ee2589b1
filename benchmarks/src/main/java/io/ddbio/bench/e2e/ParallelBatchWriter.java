package io.ddbio.bench.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.IntFunction;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Plain SDK {@code BatchWriteItem}s from several threads, 25 items per request: the loader of the
 * source table and, with the items built beforehand, the raw write rate our import is compared
 * with. No capacity budget, no Hadoop, no file reading, no decoding: nothing but the requests.
 * Optionally each request asks for the consumed capacity, as the library's writer must (see {@link
 * ParallelScan}).
 */
final class ParallelBatchWriter {
  private static final int BATCH = 25;

  /**
   * Resubmissions of unprocessed items before giving up. DynamoDB Local never throttles, so this
   * only bounds the loop.
   */
  private static final int MAX_ROUNDS = 10;

  private ParallelBatchWriter() {}

  /**
   * Writes items {@code 0 … count-1} to {@code table}, each thread a contiguous share.
   *
   * @param item item {@code i}; called from the writing threads
   * @param consumedCapacity whether to ask for the consumed capacity, as the library does
   * @return the items written and the requests sent
   */
  static Meter.Done write(
      DynamoDbClient client,
      String table,
      int count,
      int threads,
      IntFunction<Map<String, AttributeValue>> item,
      boolean consumedCapacity)
      throws InterruptedException, ExecutionException {
    return InParallel.run(
        threads,
        t -> {
          int from = (int) ((long) count * t / threads);
          int to = (int) ((long) count * (t + 1) / threads);
          return () -> writeRange(client, table, from, to, item, consumedCapacity);
        });
  }

  /** Returns the range's item and request counts. */
  private static long[] writeRange(
      DynamoDbClient client,
      String table,
      int from,
      int to,
      IntFunction<Map<String, AttributeValue>> item,
      boolean consumedCapacity) {
    List<WriteRequest> batch = new ArrayList<>(BATCH);
    long written = 0;
    long requests = 0;
    for (int i = from; i < to; i++) {
      batch.add(
          WriteRequest.builder()
              .putRequest(PutRequest.builder().item(item.apply(i)).build())
              .build());
      if (batch.size() == BATCH || i == to - 1) {
        requests += send(client, table, batch, consumedCapacity);
        written += batch.size();
        batch = new ArrayList<>(BATCH);
      }
    }
    return new long[] {written, requests};
  }

  /** Sends one batch until every item is written; returns the requests it took. */
  private static int send(
      DynamoDbClient client, String table, List<WriteRequest> batch, boolean consumedCapacity) {
    List<WriteRequest> pending = batch;
    int round = 0;
    for (; round < MAX_ROUNDS && !pending.isEmpty(); round++) {
      List<WriteRequest> sending = pending;
      BatchWriteItemRequest.Builder request =
          BatchWriteItemRequest.builder().requestItems(Map.of(table, sending));
      if (consumedCapacity) {
        request.returnConsumedCapacity(ReturnConsumedCapacity.TOTAL);
      }
      BatchWriteItemResponse response = client.batchWriteItem(request.build());
      pending = response.unprocessedItems().getOrDefault(table, List.of());
    }
    if (!pending.isEmpty()) {
      throw new IllegalStateException(
          pending.size()
              + " items still unprocessed in "
              + table
              + " after "
              + MAX_ROUNDS
              + " rounds");
    }
    return round;
  }
}
