package io.ddbio.config;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * How a table is scanned.
 *
 * @param table the table name
 * @param segments total parallel-scan segments; empty to plan them
 * @param maxSplits most input splits the segments are grouped into
 * @param pageLimit most items per Scan page
 * @param consistentRead strongly consistent reads
 * @param throughput the read budget
 * @param expressions projection and filter; {@link ScanExpressions#NONE} for the whole table
 */
public record ScanOptions(
    String table,
    OptionalInt segments,
    int maxSplits,
    int pageLimit,
    boolean consistentRead,
    ThroughputOptions throughput,
    ScanExpressions expressions) {

  /** DynamoDB's bound on TotalSegments. */
  public static final int MAX_SEGMENTS = 1_000_000;

  /** Options scanning the whole table, every attribute of every item. */
  public ScanOptions(
      String table,
      OptionalInt segments,
      int maxSplits,
      int pageLimit,
      boolean consistentRead,
      ThroughputOptions throughput) {
    this(table, segments, maxSplits, pageLimit, consistentRead, throughput, ScanExpressions.NONE);
  }

  public ScanOptions {
    Objects.requireNonNull(expressions, "expressions");
    if (segments.isPresent() && (segments.getAsInt() < 1 || segments.getAsInt() > MAX_SEGMENTS)) {
      throw new IllegalArgumentException(
          DdbioKeys.SCAN_SEGMENTS.name() + " must be 1.." + MAX_SEGMENTS + ", was " + segments);
    }
    if (maxSplits < 1) {
      throw new IllegalArgumentException(DdbioKeys.MAX_MAP_TASKS.name() + " must be at least 1");
    }
    if (pageLimit < 1) {
      throw new IllegalArgumentException(DdbioKeys.SCAN_PAGE_LIMIT.name() + " must be at least 1");
    }
  }
}
