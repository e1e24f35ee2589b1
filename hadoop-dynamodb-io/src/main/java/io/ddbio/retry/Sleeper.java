package io.ddbio.retry;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Waits for a duration; injected so that tests never really sleep (a fake sleeper advances a fake
 * {@link Clock} instead).
 */
@FunctionalInterface
public interface Sleeper {

  /**
   * Blocks the calling thread for {@code d}.
   *
   * @param d how long to wait; zero or negative returns at once (after checking for an interrupt)
   * @throws InterruptedException if the thread is interrupted before or while waiting; the
   *     interrupt flag is then clear, as with {@link Thread#sleep(long)}
   */
  void sleep(Duration d) throws InterruptedException;

  /**
   * Returns a sleeper backed by {@link TimeUnit#sleep(long)}.
   *
   * @return the system sleeper
   */
  static Sleeper system() {
    return d -> {
      if (d.isNegative() || d.isZero()) {
        // TimeUnit.sleep ignores the interrupt flag for non-positive waits; a retry loop with a
        // zero
        // delay must still notice that it was asked to stop.
        if (Thread.interrupted()) {
          throw new InterruptedException();
        }
        return;
      }
      TimeUnit.NANOSECONDS.sleep(saturatedNanos(d));
    };
  }

  private static long saturatedNanos(Duration d) {
    try {
      return d.toNanos();
    } catch (ArithmeticException tooLong) {
      return Long.MAX_VALUE;
    }
  }
}
