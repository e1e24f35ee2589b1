package io.ddbio.testing;

import io.ddbio.retry.Clock;
import io.ddbio.retry.Sleeper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A clock that moves only when something sleeps on it: tests of waiting code never wait. */
public final class FakeTime implements Clock, Sleeper {
  private long nanos = 1_000_000_000L;
  private final List<Duration> sleeps = new ArrayList<>();

  @Override
  public synchronized long nanoTime() {
    return nanos;
  }

  @Override
  public synchronized void sleep(Duration d) {
    sleeps.add(d);
    nanos += d.toNanos();
  }

  /** Moves time on without a sleep, as work would. */
  public synchronized void advance(Duration d) {
    nanos += d.toNanos();
  }

  public synchronized List<Duration> sleeps() {
    return List.copyOf(sleeps);
  }

  public synchronized Duration slept() {
    return sleeps.stream().reduce(Duration.ZERO, Duration::plus);
  }
}
