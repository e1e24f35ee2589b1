package io.ddbio.scan;

import io.ddbio.capacity.CapacityBudget;
import io.ddbio.capacity.CapacityMeter;
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
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * Scans one parallel-scan segment page by page, within a capacity budget.
 *
 * <p>Holds one page at a time, so memory is bounded by the page limit whatever the table's size.
 * Not thread-safe: one scanner belongs to one reader.
 */
public final class SegmentScanner {
  private final DynamoDbClient client;
  private final Retrier retrier;
  private final CapacityMeter meter;
  private final PageSizer sizer;
  private final CounterSink counters;
  private final ScanRequest template;

  /** Names the segment in errors, after what is done to it: " of table \"t\" segment 3/8". */
  private final String segmentName;

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
    this.meter = new CapacityMeter(budget, counters, clock, DdbioCounter.READ_CAPACITY_MILLIUNITS);
    this.sizer = sizer;
    this.counters = counters;
    this.template = template(spec, segment, totalSegments);
    this.segmentName =
        " of table \"" + spec.table() + "\" segment " + segment + "/" + totalSegments;
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
    return fetch(false).items();
  }

  /**
   * Reads the next page as {@link #nextPage} does, but asks DynamoDB for its count only ({@code
   * Select=COUNT}): the page costs the same, and no item is sent back.
   *
   * @return how many of the page's items met the filter (all, without one)
   * @throws IllegalStateException when called after the segment is done, or when the scan has a
   *     projection, which DynamoDB refuses with a count
   */
  public int nextCount() throws IOException {
    if (template.projectionExpression() != null) {
      throw new IllegalStateException("Count" + segmentName + " cannot have a projection");
    }
    return fetch(true).count();
  }

  private ScanResponse fetch(boolean count) throws IOException {
    String operation = (count ? "Count" : "Scan") + segmentName;
    if (done) {
      throw new IllegalStateException(operation + " is already complete");
    }
    int limit = sizer.limitFor(meter.await(sizer.fullPageUnits()));
    ScanRequest.Builder b = template.toBuilder().limit(limit).exclusiveStartKey(startKey);
    ScanRequest request = count ? b.select(Select.COUNT).build() : b.build();
    CapacityMeter.Metered<ScanResponse> sent =
        meter.send(
            sizer.pageUnits(limit),
            () -> retrier.call(operation, () -> client.scan(request)),
            page -> CapacityMeter.units(page.consumedCapacity()));
    ScanResponse page = sent.response();
    int scanned = page.scannedCount() == null ? page.count() : page.scannedCount();
    sizer.observe(sent.consumedUnits(), scanned);
    scannedCount += scanned;
    counters.add(DdbioCounter.SCAN_PAGES, 1);

    startKey =
        page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty()
            ? page.lastEvaluatedKey()
            : null;
    if (startKey == null) {
      done = true;
      counters.add(DdbioCounter.SEGMENTS_COMPLETED, 1);
    }
    return page;
  }
}
