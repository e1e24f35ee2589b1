package io.ddbio.cli.throughput;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongToDoubleFunction;

/**
 * The rate a job is meant to keep, second by second: its share of the capacity in force. It steps
 * when the capacity changes; a job that takes time to follow shows as the gap between the two.
 * Seconds are the emulator's ({@link io.ddbio.testkit.emulator.TableStats.Second#second()}).
 * Thread-safe: the monitor adds steps while the job runs.
 */
final class TargetRate implements LongToDoubleFunction {
  /**
   * One step.
   *
   * @param fromSecond the first second the rate applies to
   * @param unitsPerSecond the rate
   */
  record Step(long fromSecond, double unitsPerSecond) {}

  private final TreeMap<Long, Double> steps = new TreeMap<>();

  /** A rate of {@code unitsPerSecond} from the beginning. */
  TargetRate(double unitsPerSecond) {
    steps.put(Long.MIN_VALUE, unitsPerSecond);
  }

  /** The rate is {@code unitsPerSecond} from {@code fromSecond} on. */
  synchronized void change(long fromSecond, double unitsPerSecond) {
    steps.tailMap(fromSecond, true).clear();
    steps.put(fromSecond, unitsPerSecond);
  }

  /** The rate in force in {@code second}. */
  @Override
  public synchronized double applyAsDouble(long second) {
    return steps.floorEntry(second).getValue();
  }

  /** The steps after the initial rate, in time order. */
  synchronized List<Step> changes() {
    List<Step> changes = new ArrayList<>();
    for (Map.Entry<Long, Double> e : steps.tailMap(Long.MIN_VALUE, false).entrySet()) {
      changes.add(new Step(e.getKey(), e.getValue()));
    }
    return changes;
  }
}
