package io.ddbio.bench.e2e;

import java.time.Duration;

/**
 * One measured phase.
 *
 * @param phase its name
 * @param items items it read or wrote
 * @param wall elapsed time
 * @param clientCpu CPU time of the harness JVM (raw clients or the jobs' tasks)
 * @param databaseCpu CPU time of DynamoDB Local's JVM
 * @param load the machine's one-minute load average, the higher of before and after
 */
record Measurement(
    String phase,
    long items,
    Duration wall,
    Duration clientCpu,
    Duration databaseCpu,
    double load) {

  /** Items per second of wall time. */
  double itemsPerSecond() {
    return items / seconds(wall);
  }

  /** Client CPU microseconds per item. */
  double clientCpuMicrosPerItem() {
    return clientCpu.toNanos() / 1000.0 / items;
  }

  /** Database CPU microseconds per item. */
  double databaseCpuMicrosPerItem() {
    return databaseCpu.toNanos() / 1000.0 / items;
  }

  /** A table row: phase, items, seconds, items/s, CPU per item of each side, load. */
  String row() {
    return String.format(
        "%-22s %9d items %8.1f s %9.0f items/s   client %6.1f us/item   db %6.1f us/item"
            + "   load %.1f",
        phase,
        items,
        seconds(wall),
        itemsPerSecond(),
        clientCpuMicrosPerItem(),
        databaseCpuMicrosPerItem(),
        load);
  }

  private static double seconds(Duration d) {
    return d.toNanos() / 1e9;
  }
}
