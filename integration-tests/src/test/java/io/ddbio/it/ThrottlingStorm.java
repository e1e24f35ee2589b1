package io.ddbio.it;

import io.ddbio.testkit.emulator.CapacityEmulator;
import io.ddbio.testkit.emulator.TableStats;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A table that has, for a while, no capacity at all: every read or write of it is throttled (the
 * emulator answers {@code ProvisionedThroughputExceededException}, or hands writes back
 * unprocessed) from the first request a job sends until {@code length} later, then the table is
 * unlimited again. The clock starts at the first throttled request, not at submission, so that a
 * slow job start on YARN cannot eat into the storm.
 */
final class ThrottlingStorm implements AutoCloseable {
  /** So little capacity that no request is ever admitted while the storm lasts. */
  private static final double NO_CAPACITY = 1e-6;

  private final CapacityEmulator emulator;
  private final String table;
  private final Duration length;
  private final CountDownLatch over = new CountDownLatch(1);
  private final Thread lifter;
  private volatile long firstThrottleNanos;
  private volatile long liftedNanos;

  private ThrottlingStorm(CapacityEmulator emulator, String table, Duration length) {
    this.emulator = emulator;
    this.table = table;
    this.length = length;
    this.lifter = new Thread(this::lift, "throttling-storm-" + table);
    lifter.setDaemon(true);
  }

  /** Takes the table's capacity away now; it comes back {@code length} after the first throttle. */
  static ThrottlingStorm start(CapacityEmulator emulator, String table, Duration length) {
    emulator.setBurstSeconds(0);
    emulator.setCapacity(table, NO_CAPACITY, NO_CAPACITY);
    ThrottlingStorm storm = new ThrottlingStorm(emulator, table, length);
    storm.lifter.start();
    return storm;
  }

  private void lift() {
    try {
      while (refused() == 0) {
        if (over.await(50, TimeUnit.MILLISECONDS)) {
          return;
        }
      }
      firstThrottleNanos = System.nanoTime();
      over.await(length.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      emulator.removeCapacity(table);
      liftedNanos = System.nanoTime();
    }
  }

  /** Requests throttled and write requests handed back unprocessed, so far. */
  long refused() {
    TableStats stats = emulator.stats(table);
    return stats.throttledRequests() + stats.unprocessedItems();
  }

  /** How long the table refused everything: from the first throttle until it was lifted. */
  Duration lasted() {
    return firstThrottleNanos == 0 || liftedNanos == 0
        ? Duration.ZERO
        : Duration.ofNanos(liftedNanos - firstThrottleNanos);
  }

  /** Ends the storm now if it is still on, and waits for the table to be unlimited again. */
  @Override
  public void close() throws InterruptedException {
    over.countDown();
    lifter.join();
  }
}
