package io.ddbio.export.verify.table;

import io.ddbio.capacity.CapacityBudget;
import io.ddbio.dynamodb.DynamoDBSession;
import io.ddbio.scan.PageSizer;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * Counts a table's items exactly, with a parallel Scan that returns counts only ({@code
 * Select=COUNT}), not with DescribeTable's item count, which DynamoDB refreshes about every six
 * hours. With a filter it counts the items meeting it. A count reads every item, so it costs what a
 * scan of the whole table costs; it stays within the shared budget.
 */
final class TableCounter {
  private TableCounter() {}

  /**
   * Retries: throttling and transient faults, through the session's retrier.
   *
   * @param filter a filter expression, or null to count every item
   * @param names the placeholders of names; only those the filter uses are sent
   * @param values the placeholders of values
   * @param averageItemBytes the table's average item size, for sizing the first pages
   */
  static long count(
      DynamoDBSession session,
      CapacityBudget budget,
      String table,
      String filter,
      Map<String, String> names,
      Map<String, AttributeValue> values,
      int segments,
      int threads,
      int pageLimit,
      double averageItemBytes)
      throws IOException {
    ScanRequest.Builder b =
        ScanRequest.builder()
            .tableName(table)
            .select(Select.COUNT)
            .totalSegments(segments)
            .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL);
    if (filter != null) {
      // A projection's placeholders are not sent: DynamoDB refuses placeholders left unused.
      Map<String, String> used = new HashMap<>();
      names.forEach(
          (placeholder, name) -> {
            if (uses(filter, placeholder)) {
              used.put(placeholder, name);
            }
          });
      b.filterExpression(filter);
      if (!used.isEmpty()) {
        b.expressionAttributeNames(used);
      }
      if (!values.isEmpty()) {
        b.expressionAttributeValues(values);
      }
    }
    ScanRequest template = b.build();
    List<Long> counts =
        SegmentWorkers.run(
            segments,
            threads,
            segment ->
                countSegment(
                    session,
                    budget,
                    template.toBuilder().segment(segment).build(),
                    new PageSizer(pageLimit, averageItemBytes, false)));
    return counts.stream().mapToLong(Long::longValue).sum();
  }

  /** Whether {@code expression} names {@code placeholder}, not merely one it is a prefix of. */
  static boolean uses(String expression, String placeholder) {
    return Pattern.compile(Pattern.quote(placeholder) + "(?![A-Za-z0-9_])")
        .matcher(expression)
        .find();
  }

  private static long countSegment(
      DynamoDBSession session, CapacityBudget budget, ScanRequest segment, PageSizer sizer)
      throws IOException {
    String operation =
        "Count of table \""
            + segment.tableName()
            + "\" segment "
            + segment.segment()
            + "/"
            + segment.totalSegments();
    long count = 0;
    Map<String, AttributeValue> start = null;
    do {
      double available = budget.acquire(sizer.fullPageUnits());
      ScanRequest request =
          segment.toBuilder().limit(sizer.limitFor(available)).exclusiveStartKey(start).build();
      ScanResponse page = session.retrier().call(operation, () -> session.client().scan(request));
      double consumed =
          page.consumedCapacity() == null || page.consumedCapacity().capacityUnits() == null
              ? 0
              : page.consumedCapacity().capacityUnits();
      budget.charge(consumed);
      sizer.observe(consumed, page.scannedCount() == null ? page.count() : page.scannedCount());
      count += page.count();
      start =
          page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty()
              ? page.lastEvaluatedKey()
              : null;
    } while (start != null);
    return count;
  }
}
