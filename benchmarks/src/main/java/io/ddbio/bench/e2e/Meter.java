package io.ddbio.bench.e2e;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Measures one phase: wall time, the CPU time of this JVM (the client side: raw SDK threads or the
 * LocalJobRunner's tasks) and of DynamoDB Local's JVM, and the machine's load average, so that a
 * figure taken on a busy machine says so.
 */
final class Meter {
  private final LongSupplier databaseCpuNanos;

  /**
   * @param databaseCpuNanos CPU time DynamoDB Local has used so far, in nanoseconds
   */
  Meter(LongSupplier databaseCpuNanos) {
    this.databaseCpuNanos = databaseCpuNanos;
  }

  /**
   * What a phase did.
   *
   * @param items items read or written
   * @param requests requests sent
   * @param budgetWaitMillis time spent waiting for the capacity budget, -1 if there is none
   */
  record Done(long items, long requests, long budgetWaitMillis) {}

  /** A phase's work. */
  interface Work {
    /** Does the phase's work and says what it did. */
    Done run() throws Exception;
  }

  /** Runs {@code work} and measures it. */
  Measurement measure(String phase, Work work) throws Exception {
    double loadBefore = loadAverage();
    long cpu0 = clientCpuNanos();
    long db0 = databaseCpuNanos.getAsLong();
    long t0 = System.nanoTime();
    Done done = work.run();
    long wall = System.nanoTime() - t0;
    long cpu = clientCpuNanos() - cpu0;
    long db = databaseCpuNanos.getAsLong() - db0;
    return new Measurement(
        phase,
        done.items(),
        done.requests(),
        done.budgetWaitMillis(),
        Duration.ofNanos(wall),
        Duration.ofNanos(cpu),
        Duration.ofNanos(db),
        Math.max(loadBefore, loadAverage()));
  }

  /** CPU time of every thread of this JVM so far (GC and JIT included). */
  static long clientCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /** The one-minute load average, or -1 where the system does not report it. */
  static double loadAverage() {
    try {
      String first = Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
      return Double.parseDouble(first);
    } catch (IOException | RuntimeException e) {
      return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
  }

  /** The CPU time a process has used so far, or 0 when the system does not say. */
  static long processCpuNanos(long pid) {
    return ProcessHandle.of(pid)
        .flatMap(p -> p.info().totalCpuDuration())
        .map(Duration::toNanos)
        .orElse(0L);
  }
}
