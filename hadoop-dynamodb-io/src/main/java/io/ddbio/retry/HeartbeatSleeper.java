package io.ddbio.retry;

import java.time.Duration;
import java.util.Objects;

/**
 * A sleeper that says it is alive while it waits: it sleeps in slices of at most {@code slice},
 * calling {@code heartbeat} before each. Hadoop kills a task attempt that reports no progress for
 * {@code mapreduce.task.timeout} (10 minutes by default), and a task waiting out a throttled table
 * for longer than that is healthy; every wait of a task (the retry loop's backoff, the capacity
 * budget) goes through its session's sleeper, so this one keeps all of them from looking hung.
 */
public final class HeartbeatSleeper implements Sleeper {
  /** Short beside any task timeout anyone sets, long beside the cost of a heartbeat. */
  public static final Duration DEFAULT_SLICE = Duration.ofSeconds(1);

  private final Sleeper sleeper;
  private final Runnable heartbeat;
  private final Duration slice;

  /**
   * @param sleeper does the waiting
   * @param heartbeat tells the framework the task is alive; called from any thread that waits
   * @param slice the longest wait between two heartbeats; positive
   */
  public HeartbeatSleeper(Sleeper sleeper, Runnable heartbeat, Duration slice) {
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    this.heartbeat = Objects.requireNonNull(heartbeat, "heartbeat");
    if (slice.isNegative() || slice.isZero()) {
      throw new IllegalArgumentException("slice must be positive, not " + slice);
    }
    this.slice = slice;
  }

  @Override
  public void sleep(Duration d) throws InterruptedException {
    Duration left = d;
    do {
      heartbeat.run();
      Duration now = left.compareTo(slice) > 0 ? slice : left;
      sleeper.sleep(now);
      left = left.minus(now);
    } while (left.compareTo(Duration.ZERO) > 0);
  }
}
