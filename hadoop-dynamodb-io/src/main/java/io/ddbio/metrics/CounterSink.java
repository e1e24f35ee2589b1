package io.ddbio.metrics;

/** Where the core reports counts; the MapReduce adapter forwards them to the task's counters. */
@FunctionalInterface
public interface CounterSink {
  /** Discards everything. */
  CounterSink NONE = (counter, delta) -> {};

  /** Adds {@code delta} to {@code counter}. Called from the thread doing the work; cheap. */
  void add(DdbioCounter counter, long delta);

  /** Adds consumed capacity units, kept as thousandths so a {@code long} counter holds them. */
  default void addCapacity(DdbioCounter counter, double units) {
    add(counter, Math.round(units * 1000));
  }
}
