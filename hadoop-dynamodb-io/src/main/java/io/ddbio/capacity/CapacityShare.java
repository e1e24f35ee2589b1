package io.ddbio.capacity;

import java.util.Objects;

/**
 * The arithmetic that turns a table's capacity into one task's rate for its {@link CapacityBudget}:
 * first the table's rate ({@link #tableRate}), then each task's share of it ({@link #perTaskRate}).
 */
public final class CapacityShare {

  /**
   * The largest throughput percent accepted: 1.5, the predecessor's limit, so that existing job
   * settings keep working. Above 1.0 a job relies on DynamoDB's burst capacity or auto scaling, and
   * throttling that follows is retried.
   */
  public static final double MAX_PERCENT = 1.5;

  /**
   * The least rate a task is given: 1 unit per second. A budget needs a positive rate, and below
   * one unit per second a task barely progresses. With more concurrent tasks than the share has
   * units, the job may therefore use somewhat more than its share; fewer concurrent tasks avoid
   * that.
   */
  public static final double MIN_TASK_UNITS_PER_SECOND = 1.0;

  private CapacityShare() {}

  /**
   * Returns one task's rate: {@code tableUnitsPerSecond × percent / concurrentTasks}, but at least
   * {@link #MIN_TASK_UNITS_PER_SECOND}.
   *
   * @param tableUnitsPerSecond the table's rate, from {@link #tableRate}; positive and finite
   * @param percent the fraction of it the job may use, greater than 0 and at most {@link
   *     #MAX_PERCENT} (0.5 is half the table's capacity)
   * @param concurrentTasks how many tasks run at once and share the rate; at least 1
   * @return units per second for one task
   * @throws IllegalArgumentException if an argument is out of range
   */
  public static double perTaskRate(
      double tableUnitsPerSecond, double percent, int concurrentTasks) {
    if (!(tableUnitsPerSecond > 0) || Double.isInfinite(tableUnitsPerSecond)) {
      throw new IllegalArgumentException(
          "table capacity must be a positive number of units per second, was "
              + tableUnitsPerSecond);
    }
    if (!(percent > 0 && percent <= MAX_PERCENT)) {
      throw new IllegalArgumentException(
          "throughput percent must be greater than 0 and at most "
              + MAX_PERCENT
              + ", was "
              + percent);
    }
    if (concurrentTasks < 1) {
      throw new IllegalArgumentException(
          "concurrent tasks must be at least 1, was " + concurrentTasks);
    }
    return Math.max(MIN_TASK_UNITS_PER_SECOND, tableUnitsPerSecond * percent / concurrentTasks);
  }

  /**
   * Returns the table's rate in units per second that the throughput percent applies to. An
   * explicit budget wins; otherwise a provisioned table's provisioned units are used. An on-demand
   * table reports no provisioned units and has no fixed capacity to take a percent of, so it
   * requires an explicit budget rather than a guess.
   *
   * @param table the table's name, for the message
   * @param provisionedUnits the provisioned read or write units from the table description; null or
   *     0 for an on-demand table
   * @param budget the units per second the user set for the job, or null if not set
   * @param budgetKey the configuration key that sets {@code budget} ({@code
   *     dynamodb.throughput.read} or {@code dynamodb.throughput.write}), named in messages
   * @return units per second
   * @throws IllegalArgumentException if the table is on demand and no budget is set, or a value is
   *     out of range; the message names the key to set
   */
  public static double tableRate(
      String table, Long provisionedUnits, Double budget, String budgetKey) {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(budgetKey, "budgetKey");
    if (budget != null) {
      if (!(budget > 0) || budget.isInfinite()) {
        throw new IllegalArgumentException(
            budgetKey + " must be a positive number of capacity units per second, was " + budget);
      }
      return budget;
    }
    if (provisionedUnits != null && provisionedUnits < 0) {
      throw new IllegalArgumentException(
          "table \"" + table + "\" reports negative provisioned capacity " + provisionedUnits);
    }
    if (provisionedUnits == null || provisionedUnits == 0) {
      throw new IllegalArgumentException(
          "table \""
              + table
              + "\" is on demand and has no provisioned capacity to take a percent of: set "
              + budgetKey
              + " to the capacity units per second this job may use");
    }
    return provisionedUnits;
  }
}
