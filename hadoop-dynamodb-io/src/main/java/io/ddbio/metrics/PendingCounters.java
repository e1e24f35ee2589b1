package io.ddbio.metrics;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Counts kept aside by one thread until another moves them on: a background thread adds here, the
 * task's thread {@link #drainTo drains} into the task's counters, which are not meant for another
 * thread.
 *
 * <p>Thread-safe; nothing added is lost or counted twice.
 */
public final class PendingCounters implements CounterSink {
  private static final DdbioCounter[] ALL = DdbioCounter.values();

  private final AtomicLongArray pending = new AtomicLongArray(ALL.length);

  @Override
  public void add(DdbioCounter counter, long delta) {
    pending.addAndGet(counter.ordinal(), delta);
  }

  /** Adds everything counted since the last drain to {@code target}. */
  public void drainTo(CounterSink target) {
    for (DdbioCounter c : ALL) {
      long delta = pending.getAndSet(c.ordinal(), 0);
      if (delta != 0) {
        target.add(c, delta);
      }
    }
  }
}
