package io.ddbio.scan;

import io.ddbio.capacity.CapacityBudget;
import io.ddbio.metrics.CounterSink;
import io.ddbio.metrics.DdbioCounter;
import io.ddbio.retry.Clock;
import io.ddbio.retry.Retrier;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * Scans one parallel-scan segment page by page, within a capacity budget.
 *
 * <p>Holds one page at a time, so memory is bounded by the page limit whatever the table's size.
 * Not thread-safe: one scanner belongs to one reader.
 */
public final class SegmentScanner {
  private final DynamoDbClient client;
  private final Retrier retrier;
  private final CapacityBudget budget;
  private final PageSizer sizer;
  private final CounterSink counters;
  private final Clock clock;
  private final ScanRequest template;
  private final String operation;

  private Map<String, AttributeValue> startKey;
  private boolean done;
  private long scannedCount;

  /**
   * @param segment this segment, {@code 0 <= segment < totalSegments}
   * @param totalSegments segments of the whole scan
   */
  public SegmentScanner(
      DynamoDbClient client,
      Retrier retrier,
      CapacityBudget budget,
      PageSizer sizer,
      CounterSink counters,
      Clock clock,
      ScanSpec spec,
      int segment,
      int totalSegments) {
    if (segment < 0 || segment >= totalSegments) {
      throw new IllegalArgumentException(
          "segment " + segment + " is outside 0.." + (totalSegments - 1));
    }
    this.client = client;
    this.retrier = retrier;
    this.budget = budget;
    this.sizer = sizer;
    this.counters = counters;
    this.clock = clock;
    this.template = template(spec, segment, totalSegments);
    this.operation =
        "Scan of table \"" + spec.table() + "\" segment " + segment + "/" + totalSegments;
  }

  private static ScanRequest template(ScanSpec spec, int segment, int totalSegments) {
    ScanRequest.Builder b =
        ScanRequest.builder()
            .tableName(spec.table())
            .segment(segment)
            .totalSegments(totalSegments)
            .consistentRead(spec.consistentRead())
            .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL);
    spec.projection().ifPresent(b::projectionExpression);
    spec.filter().ifPresent(b::filterExpression);
    if (!spec.names().isEmpty()) {
      b.expressionAttributeNames(spec.names());
    }
    if (!spec.values().isEmpty()) {
      b.expressionAttributeValues(spec.values());
    }
    return b.build();
  }

  /** Whether the segment has been read to its end. */
  public boolean isDone() {
    return done;
  }

  /** Items DynamoDB scanned in this segment so far (before any filter). */
  public long scannedCount() {
    return scannedCount;
  }

  /**
   * Reads the next page. Waits for the budget first, takes the page's estimated cost as it sends
   * it, then settles with what DynamoDB reports. Retries: throttling and transient faults, through
   * the retrier.
   *
   * @return the page's items (possibly empty when a filter dropped them all, or at the end)
   * @throws IllegalStateException when called after the segment is done
   */
  public List<Map<String, AttributeValue>> nextPage() throws IOException {
    if (done) {
      throw new IllegalStateException(operation + " is already complete");
    }
    long waitStart = clock.nanoTime();
    double available = budget.acquire(sizer.fullPageUnits());
    counters.add(DdbioCounter.BUDGET_WAIT_MILLIS, (clock.nanoTime() - waitStart) / 1_000_000);

    int limit = sizer.limitFor(available);
    ScanRequest request = template.toBuilder().limit(limit).exclusiveStartKey(startKey).build();
    double estimate = limit * sizer.unitsPerItem();
    budget.take(estimate);
    ScanResponse page = retrier.call(operation, () -> client.scan(request));

    double consumed =
        page.consumedCapacity() == null || page.consumedCapacity().capacityUnits() == null
            ? 0
            : page.consumedCapacity().capacityUnits();
    int scanned = page.scannedCount() == null ? page.count() : page.scannedCount();
    budget.settle(estimate, consumed);
    sizer.observe(consumed, scanned);
    scannedCount += scanned;
    counters.add(DdbioCounter.SCAN_PAGES, 1);
    counters.addCapacity(DdbioCounter.READ_CAPACITY_MILLIUNITS, consumed);

    startKey =
        page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty()
            ? page.lastEvaluatedKey()
            : null;
    if (startKey == null) {
      done = true;
      counters.add(DdbioCounter.SEGMENTS_COMPLETED, 1);
    }
    return page.items();
  }
}
