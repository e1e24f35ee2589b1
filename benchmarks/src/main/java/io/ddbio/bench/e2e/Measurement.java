package io.ddbio.bench.e2e;

import java.time.Duration;

/**
 * One measured phase.
 *
 * @param phase its name
 * @param items items it read or wrote
 * @param requests Scan or BatchWriteItem requests it sent
 * @param budgetWaitMillis time our tasks waited for the capacity budget, or -1 for raw phases
 * @param wall elapsed time
 * @param clientCpu CPU time of the harness JVM (raw clients or the jobs' tasks)
 * @param databaseCpu CPU time of DynamoDB Local's JVM
 * @param load the machine's one-minute load average, the higher of before and after
 */
record Measurement(
    String phase,
    long items,
    long requests,
    long budgetWaitMillis,
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

  /**
   * A table row: phase, items, seconds, items/s, CPU per item of each side, items per request,
   * budget waits, load.
   */
  String row() {
    return String.format(
        "%-16s %8d items %7.1f s %7.0f items/s  client %6.1f us/item  db %6.1f us/item"
            + "  %5.0f items/request%s  load %.1f",
        phase,
        items,
        seconds(wall),
        itemsPerSecond(),
        clientCpuMicrosPerItem(),
        databaseCpuMicrosPerItem(),
        requests == 0 ? 0.0 : (double) items / requests,
        budgetWaitMillis < 0 ? "" : String.format("  budget wait %d ms", budgetWaitMillis),
        load);
  }

  private static double seconds(Duration d) {
    return d.toNanos() / 1e9;
  }
}
