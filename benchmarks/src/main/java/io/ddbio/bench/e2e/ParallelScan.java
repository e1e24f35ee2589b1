package io.ddbio.bench.e2e;

import java.util.Map;
import java.util.concurrent.ExecutionException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * A plain SDK parallel scan: one thread per segment, pages of at most {@code limit} items, items
 * counted and dropped. The read rate our export is compared with.
 *
 * <p>Optionally each request also asks for the consumed capacity ({@code
 * ReturnConsumedCapacity=TOTAL}), as the library's scanner must for its capacity budget: on
 * DynamoDB Local that costs the database measurable time, so this variant shows what the export
 * would reach if our own code cost nothing.
 */
final class ParallelScan {
  private ParallelScan() {}

  /**
   * Scans the whole table.
   *
   * @param expectedItems about how many items the table holds; bounds the pages a segment may take,
   *     so a server that never ends a segment fails the run instead of hanging it
   * @param consumedCapacity whether to ask for the consumed capacity, as the library does
   * @return the items seen and the pages it took
   */
  static Meter.Done count(
      DynamoDbClient client,
      String table,
      int segments,
      int limit,
      long expectedItems,
      boolean consumedCapacity)
      throws InterruptedException, ExecutionException {
    long maxPages = 2 * expectedItems + 100;
    return InParallel.run(
        segments,
        segment ->
            () -> scanSegment(client, table, segment, segments, limit, maxPages, consumedCapacity));
  }

  /** Returns the segment's item and page counts. */
  private static long[] scanSegment(
      DynamoDbClient client,
      String table,
      int segment,
      int segments,
      int limit,
      long maxPages,
      boolean consumedCapacity) {
    ScanRequest.Builder builder =
        ScanRequest.builder()
            .tableName(table)
            .segment(segment)
            .totalSegments(segments)
            .limit(limit);
    if (consumedCapacity) {
      builder.returnConsumedCapacity(ReturnConsumedCapacity.TOTAL);
    }
    ScanRequest first = builder.build();
    Map<String, AttributeValue> startKey = null;
    long items = 0;
    for (long page = 0; page < maxPages; page++) {
      ScanRequest request =
          startKey == null ? first : first.toBuilder().exclusiveStartKey(startKey).build();
      ScanResponse response = client.scan(request);
      items += response.items().size();
      if (!response.hasLastEvaluatedKey() || response.lastEvaluatedKey().isEmpty()) {
        return new long[] {items, page + 1};
      }
      startKey = response.lastEvaluatedKey();
    }
    throw new IllegalStateException(
        "Segment " + segment + " of " + table + " did not end within " + maxPages + " pages");
  }
}
