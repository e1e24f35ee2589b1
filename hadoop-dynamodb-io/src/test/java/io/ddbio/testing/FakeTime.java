package io.ddbio.testing;

import io.ddbio.retry.Clock;
import io.ddbio.retry.Sleeper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A fake {@link Clock} and {@link Sleeper} in one: sleeping records the duration and advances the
 * clock by it, so tests see time pass without waiting. Like {@link Thread#sleep}, sleeping throws
 * {@link InterruptedException} (and clears the flag) if the thread is interrupted.
 */
public final class FakeTime implements Clock, Sleeper {

  /** More sleeps than any test needs: a wait loop that never ends fails instead of hanging. */
  private static final int MAX_SLEEPS = 100_000;

  /** An arbitrary origin, so code that assumes the clock starts at zero fails tests. */
  private long nanos = 123_456_789_000L;

  private final List<Duration> sleeps = new ArrayList<>();
  private int interruptAtSleep = -1;

  @Override
  public synchronized long nanoTime() {
    return nanos;
  }

  @Override
  public synchronized void sleep(Duration d) throws InterruptedException {
    if (Thread.interrupted()) {
      throw new InterruptedException("interrupted before sleeping");
    }
    if (sleeps.size() + 1 == interruptAtSleep) {
      throw new InterruptedException("interrupted while sleeping");
    }
    if (sleeps.size() >= MAX_SLEEPS) {
      throw new AssertionError("more than " + MAX_SLEEPS + " sleeps: does the wait ever end?");
    }
    sleeps.add(d);
    if (!d.isNegative()) {
      nanos += d.toNanos();
    }
  }

  /** Moves the clock on without sleeping, as time spent in a call would. */
  public synchronized void advance(Duration d) {
    nanos += d.toNanos();
  }

  /** Makes the {@code n}th sleep (counting from 1) throw {@link InterruptedException}. */
  public synchronized void interruptAtSleep(int n) {
    this.interruptAtSleep = n;
  }

  /** Returns every sleep so far, in order. */
  public synchronized List<Duration> sleeps() {
    return List.copyOf(sleeps);
  }

  /** Returns the sum of every sleep so far. */
  public synchronized Duration totalSlept() {
    return sleeps.stream().reduce(Duration.ZERO, Duration::plus);
  }
}
