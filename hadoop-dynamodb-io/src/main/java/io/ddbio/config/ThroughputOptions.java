package io.ddbio.config;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * What share of a table's capacity one direction (read or write) of a job may use.
 *
 * @param percent share of the table's capacity for the whole job, {@code 0 < percent <= 1.5}
 * @param explicitUnits capacity units per second to treat as the table's capacity; required for
 *     on-demand tables
 * @param concurrentTasks how many tasks share the budget at once; empty to plan it
 */
public record ThroughputOptions(
    double percent, Optional<Double> explicitUnits, OptionalInt concurrentTasks) {

  /** Largest percent accepted; above 1 a job may eat into burst capacity, as the predecessor. */
  public static final double MAX_PERCENT = 1.5;

  public ThroughputOptions {
    if (!(percent > 0 && percent <= MAX_PERCENT)) {
      throw new IllegalArgumentException(
          "Throughput percent must be greater than 0 and at most "
              + MAX_PERCENT
              + ", was "
              + percent);
    }
    explicitUnits.ifPresent(
        u -> {
          if (!(u > 0)) {
            throw new IllegalArgumentException("Explicit capacity must be positive, was " + u);
          }
        });
    if (concurrentTasks.isPresent() && concurrentTasks.getAsInt() < 1) {
      throw new IllegalArgumentException(DdbioKeys.CONCURRENT_TASKS.name() + " must be at least 1");
    }
  }
}
