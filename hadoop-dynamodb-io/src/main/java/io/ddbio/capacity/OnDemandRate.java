package io.ddbio.capacity;

import java.util.Locale;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.OnDemandThroughput;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableWarmThroughputDescription;

/**
 * The rate a job runs at on an on-demand table when no capacity is given: its percent of what the
 * table can serve now, which is the table's ceiling or, below it, what the table takes at once.
 *
 * <p>From DynamoDB's documentation of on-demand tables: the ceiling is the table's own maximum
 * ({@code OnDemandThroughput}) when it sets one, else the account's per-table limit ({@code
 * DescribeLimits}, 40,000 units by default). What a table takes at once is its {@code
 * WarmThroughput} when DescribeTable reports one, else what a new on-demand table sustains: 12,000
 * read and 4,000 write request units per second. Above that the table throttles until it has scaled
 * (it takes up to twice its previous peak at once), so the job stays at or under it.
 *
 * @param direction {@code read} or {@code write}
 * @param ceiling the most units per second the table serves
 * @param ceilingSource where the ceiling comes from, for the user
 * @param atOnce the units per second the table takes now
 * @param atOnceSource where that comes from, for the user
 */
public record OnDemandRate(
    String direction, double ceiling, String ceilingSource, double atOnce, String atOnceSource) {

  /** Read request units per second a new on-demand table sustains at once. */
  public static final double NEW_TABLE_READ_UNITS = 12_000;

  /** Write request units per second a new on-demand table sustains at once. */
  public static final double NEW_TABLE_WRITE_UNITS = 4_000;

  /** The account's per-table limit in each direction unless raised: 40,000 units per second. */
  public static final double DEFAULT_TABLE_LIMIT = 40_000;

  /**
   * The rate for reading ({@code read}) or writing an on-demand table.
   *
   * @param accountTableLimit the account's per-table limit in this direction from DescribeLimits,
   *     empty when it could not be read (the default is assumed)
   */
  public static OnDemandRate of(
      TableDescription table, boolean read, Optional<Long> accountTableLimit) {
    String direction = read ? "read" : "write";
    OnDemandThroughput max = table.onDemandThroughput();
    Long tableMax =
        max == null ? null : read ? max.maxReadRequestUnits() : max.maxWriteRequestUnits();
    double ceiling;
    String ceilingSource;
    if (tableMax != null && tableMax > 0) {
      ceiling = tableMax;
      ceilingSource = "the table's own maximum (OnDemandThroughput)";
    } else if (accountTableLimit.isPresent() && accountTableLimit.get() > 0) {
      ceiling = accountTableLimit.get();
      ceilingSource = "the account's per-table limit (DescribeLimits)";
    } else {
      ceiling = DEFAULT_TABLE_LIMIT;
      ceilingSource = "the default per-table limit (DescribeLimits could not be read)";
    }
    TableWarmThroughputDescription warm = table.warmThroughput();
    Long warmUnits =
        warm == null ? null : read ? warm.readUnitsPerSecond() : warm.writeUnitsPerSecond();
    double atOnce;
    String atOnceSource;
    if (warmUnits != null && warmUnits > 0) {
      atOnce = warmUnits;
      atOnceSource = "its warm throughput (WarmThroughput)";
    } else {
      atOnce = read ? NEW_TABLE_READ_UNITS : NEW_TABLE_WRITE_UNITS;
      atOnceSource =
          "what a new on-demand table takes at once (DescribeTable reports no warm throughput)";
    }
    if (atOnce > ceiling) {
      atOnce = ceiling;
      atOnceSource = ceilingSource;
    }
    return new OnDemandRate(direction, ceiling, ceilingSource, atOnce, atOnceSource);
  }

  /**
   * The job's rate: {@code percent} of what the table takes at once (never above its ceiling), so
   * that the percent stays the job's share and leaves the rest to the table's other traffic.
   */
  public double jobRate(double percent) {
    return percent * atOnce;
  }

  /**
   * The capacity to budget the job against, which {@code percent} is taken of: the value the tools
   * set as the explicit units ({@code dynamodb.throughput.read} or {@code .write}).
   */
  public double budgetUnits() {
    return atOnce;
  }

  /** Why the job runs at {@link #jobRate}, for the user. */
  public String describe(double percent) {
    return String.format(
            Locale.ROOT,
            "on demand: %,.0f %s units/s, %s of the %,.0f it takes at once (%s); its ceiling is"
                + " %,.0f, %s",
            jobRate(percent),
            direction,
            percent,
            atOnce,
            atOnceSource,
            ceiling,
            ceilingSource)
        + ". Give --"
        + direction
        + "-units to budget against another number";
  }
}
