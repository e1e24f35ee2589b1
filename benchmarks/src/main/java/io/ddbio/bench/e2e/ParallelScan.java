package io.ddbio.bench.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * A plain SDK parallel scan: one thread per segment, pages of at most {@code limit} items, items
 * counted and dropped. The read rate our export is compared with.
 */
final class ParallelScan {
  private ParallelScan() {}

  /**
   * Scans the whole table.
   *
   * @param expectedItems about how many items the table holds; bounds the pages a segment may take,
   *     so a server that never ends a segment fails the run instead of hanging it
   * @return the number of items seen
   */
  static long count(
      DynamoDbClient client, String table, int segments, int limit, long expectedItems)
      throws InterruptedException, ExecutionException {
    long maxPages = 2 * expectedItems + 100;
    ExecutorService pool = Executors.newFixedThreadPool(segments);
    try {
      List<Future<Long>> parts = new ArrayList<>();
      for (int s = 0; s < segments; s++) {
        int segment = s;
        parts.add(
            pool.submit(() -> scanSegment(client, table, segment, segments, limit, maxPages)));
      }
      long items = 0;
      for (Future<Long> part : parts) {
        items += part.get();
      }
      return items;
    } finally {
      pool.shutdownNow();
    }
  }

  private static long scanSegment(
      DynamoDbClient client, String table, int segment, int segments, int limit, long maxPages) {
    ScanRequest first =
        ScanRequest.builder()
            .tableName(table)
            .segment(segment)
            .totalSegments(segments)
            .limit(limit)
            .build();
    Map<String, AttributeValue> startKey = null;
    long items = 0;
    for (long page = 0; page < maxPages; page++) {
      ScanRequest request =
          startKey == null ? first : first.toBuilder().exclusiveStartKey(startKey).build();
      ScanResponse response = client.scan(request);
      items += response.items().size();
      if (!response.hasLastEvaluatedKey() || response.lastEvaluatedKey().isEmpty()) {
        return items;
      }
      startKey = response.lastEvaluatedKey();
    }
    throw new IllegalStateException(
        "Segment " + segment + " of " + table + " did not end within " + maxPages + " pages");
  }
}
