package io.ddbio.cli.throughput;

import io.ddbio.testkit.emulator.Consumption;
import io.ddbio.testkit.emulator.TableStats;
import java.util.List;
import java.util.OptionalInt;

/**
 * How long a job took to follow a change of its target: the seconds from the change until the mean
 * of {@value #WINDOW} consecutive seconds first comes within {@value #TOLERANCE_PERCENT}% of the
 * new target. A job that never got there before the next change or its end did not follow.
 */
final class FollowTime {
  /** Long enough that a batch more or less, or one second of a task starting, does not decide. */
  static final int WINDOW = 5;

  static final int TOLERANCE_PERCENT = 15;

  private FollowTime() {}

  /**
   * @param seconds the job's seconds, consecutive
   * @param direction the capacity the job consumes
   * @param change the second the target changed and its new rate
   * @param until the last second that may count: before the next change, within the job
   */
  static OptionalInt of(
      List<TableStats.Second> seconds,
      Consumption.Direction direction,
      TargetRate.Step change,
      long until) {
    double tolerance = change.unitsPerSecond() * TOLERANCE_PERCENT / 100.0;
    for (long from = change.fromSecond(); from + WINDOW - 1 <= until; from++) {
      Consumption window =
          Consumption.over(
              Consumption.between(seconds, from, from + WINDOW - 1),
              direction,
              s -> change.unitsPerSecond());
      if (window.seconds() == WINDOW
          && Math.abs(window.unitsPerSecond() - change.unitsPerSecond()) <= tolerance) {
        return OptionalInt.of((int) (from - change.fromSecond()));
      }
    }
    return OptionalInt.empty();
  }
}
