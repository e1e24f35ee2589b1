package io.ddbio.testkit.emulator;

import java.util.List;
import java.util.Optional;
import java.util.function.LongToDoubleFunction;

/**
 * What a table consumed over some seconds of its {@link TableStats#timeline() timeline}, against
 * the rate a job was meant to keep: the measure rate tests assert on and the throughput benchmark
 * reports.
 *
 * @param seconds how many seconds were summed
 * @param units capacity units consumed in them, reads or writes
 * @param targetUnits the units the target rate allowed in them
 * @param requests requests that named the table
 * @param throttledRequests requests refused for lack of capacity
 * @param unprocessedItems write requests handed back unprocessed
 */
public record Consumption(
    long seconds,
    double units,
    double targetUnits,
    long requests,
    long throttledRequests,
    long unprocessedItems) {

  /** Which capacity to sum. */
  public enum Direction {
    READ,
    WRITE
  }

  /**
   * Sums seconds of a timeline.
   *
   * @param seconds the seconds to sum, e.g. from {@link #between} or {@link #inner}
   * @param direction read or write units
   * @param targetAt the target rate (units per second) in force in a given second
   */
  public static Consumption over(
      List<TableStats.Second> seconds, Direction direction, LongToDoubleFunction targetAt) {
    double units = 0;
    double target = 0;
    long requests = 0;
    long throttled = 0;
    long unprocessed = 0;
    for (TableStats.Second s : seconds) {
      units += direction == Direction.READ ? s.readUnits() : s.writeUnits();
      target += targetAt.applyAsDouble(s.second());
      requests += s.requests();
      throttled += s.throttledRequests();
      unprocessed += s.unprocessedItems();
    }
    return new Consumption(seconds.size(), units, target, requests, throttled, unprocessed);
  }

  /** The seconds of a timeline from {@code first} to {@code last}, both included. */
  public static List<TableStats.Second> between(
      List<TableStats.Second> timeline, long first, long last) {
    return timeline.stream().filter(s -> s.second() >= first && s.second() <= last).toList();
  }

  /**
   * The seconds without the first and the last: a job starts and ends part way through a second, so
   * those two hold only part of a second's consumption and would bias a short average low.
   */
  public static List<TableStats.Second> inner(List<TableStats.Second> seconds) {
    return seconds.size() <= 2 ? List.of() : seconds.subList(1, seconds.size() - 1);
  }

  /** Units consumed over units allowed; NaN when nothing was allowed. */
  public double ratio() {
    return targetUnits > 0 ? units / targetUnits : Double.NaN;
  }

  /** Mean units per second; NaN over no seconds. */
  public double unitsPerSecond() {
    return seconds > 0 ? units / seconds : Double.NaN;
  }

  /** Throttled requests over requests; 0 when there were none. */
  public double throttledShare() {
    return requests > 0 ? (double) throttledRequests / requests : 0;
  }

  /**
   * What is wrong with this consumption for a test's bounds, or empty when nothing is.
   *
   * @param low the least consumed/target allowed
   * @param high the most consumed/target allowed
   * @param maxThrottledShare the most throttled requests, as a share of requests, allowed
   */
  public Optional<String> outside(double low, double high, double maxThrottledShare) {
    if (!(ratio() >= low && ratio() <= high)) {
      return Optional.of(
          "consumed/target " + ratio() + " is not within " + low + ".." + high + ": " + this);
    }
    if (throttledShare() > maxThrottledShare) {
      return Optional.of(
          "throttled share " + throttledShare() + " is over " + maxThrottledShare + ": " + this);
    }
    return Optional.empty();
  }
}
