package io.ddbio.export.verify.table;

import io.ddbio.capacity.CapacityBudget;
import io.ddbio.dynamodb.DynamoDBSession;
import io.ddbio.metrics.CounterSink;
import io.ddbio.parallel.InParallel;
import io.ddbio.scan.PageSizer;
import io.ddbio.scan.ScanSpec;
import io.ddbio.scan.SegmentScanner;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

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
    // A projection's placeholders are not sent: DynamoDB refuses placeholders left unused.
    Map<String, String> used = new HashMap<>();
    if (filter != null) {
      names.forEach(
          (placeholder, name) -> {
            if (uses(filter, placeholder)) {
              used.put(placeholder, name);
            }
          });
    }
    ScanSpec spec =
        new ScanSpec(
            table,
            false,
            Optional.empty(),
            Optional.ofNullable(filter),
            used,
            filter == null ? Map.of() : values);
    List<Long> counts =
        InParallel.map(
            InParallel.range(segments),
            threads,
            "scanning",
            segment ->
                countSegment(
                    new SegmentScanner(
                        session.client(),
                        session.retrier(),
                        budget,
                        new PageSizer(pageLimit, averageItemBytes, false),
                        CounterSink.NONE,
                        session.clock(),
                        spec,
                        segment,
                        segments)));
    return counts.stream().mapToLong(Long::longValue).sum();
  }

  /** Whether {@code expression} names {@code placeholder}, not merely one it is a prefix of. */
  static boolean uses(String expression, String placeholder) {
    return Pattern.compile(Pattern.quote(placeholder) + "(?![A-Za-z0-9_])")
        .matcher(expression)
        .find();
  }

  private static long countSegment(SegmentScanner scanner) throws IOException {
    long count = 0;
    while (!scanner.isDone()) {
      count += scanner.nextCount();
    }
    return count;
  }
}
