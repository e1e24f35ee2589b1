package io.ddbio.bench.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Plain SDK {@code BatchWriteItem}s from several threads, 25 items per request: the loader of the
 * source table and, with the items built beforehand, the raw write rate our import is compared
 * with. No capacity budget, no Hadoop, no file reading, no decoding: nothing but the requests.
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
   * @return the number of items written
   */
  static long write(
      DynamoDbClient client,
      String table,
      int count,
      int threads,
      IntFunction<Map<String, AttributeValue>> item)
      throws InterruptedException, ExecutionException {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Long>> parts = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int from = (int) ((long) count * t / threads);
        int to = (int) ((long) count * (t + 1) / threads);
        parts.add(pool.submit(() -> writeRange(client, table, from, to, item)));
      }
      long written = 0;
      for (Future<Long> part : parts) {
        written += part.get();
      }
      return written;
    } finally {
      pool.shutdownNow();
    }
  }

  private static long writeRange(
      DynamoDbClient client,
      String table,
      int from,
      int to,
      IntFunction<Map<String, AttributeValue>> item) {
    List<WriteRequest> batch = new ArrayList<>(BATCH);
    long written = 0;
    for (int i = from; i < to; i++) {
      batch.add(
          WriteRequest.builder()
              .putRequest(PutRequest.builder().item(item.apply(i)).build())
              .build());
      if (batch.size() == BATCH || i == to - 1) {
        send(client, table, batch);
        written += batch.size();
        batch = new ArrayList<>(BATCH);
      }
    }
    return written;
  }

  private static void send(DynamoDbClient client, String table, List<WriteRequest> batch) {
    List<WriteRequest> pending = batch;
    for (int round = 0; round < MAX_ROUNDS && !pending.isEmpty(); round++) {
      List<WriteRequest> sending = pending;
      BatchWriteItemResponse response =
          client.batchWriteItem(b -> b.requestItems(Map.of(table, sending)));
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
  }
}
