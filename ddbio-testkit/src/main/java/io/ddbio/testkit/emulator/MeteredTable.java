package io.ddbio.testkit.emulator;

/**
 * One table as the emulator knows it: its meter, and its read and write buckets when capacity is
 * configured. A direction without a bucket is unlimited.
 */
final class MeteredTable {
  private final TableMeter meter;
  private volatile TokenBucket read;
  private volatile TokenBucket write;

  MeteredTable(TableMeter meter) {
    this.meter = meter;
  }

  TableMeter meter() {
    return meter;
  }

  /** The read bucket, or null if reads are unlimited. */
  TokenBucket read() {
    return read;
  }

  /** The write bucket, or null if writes are unlimited. */
  TokenBucket write() {
    return write;
  }

  /**
   * Sets the capacity of both directions; an infinite rate makes a direction unlimited. A bucket
   * that exists keeps its balance (clamped to its new size), as a table's burst credit survives an
   * UpdateTable.
   */
  synchronized void setCapacity(
      double readUnits, double writeUnits, double burstSeconds, long nowNanos) {
    read = resized(read, readUnits, burstSeconds, nowNanos);
    write = resized(write, writeUnits, burstSeconds, nowNanos);
  }

  private static TokenBucket resized(
      TokenBucket bucket, double unitsPerSecond, double burstSeconds, long nowNanos) {
    if (unitsPerSecond == Double.POSITIVE_INFINITY) {
      return null;
    }
    if (bucket == null) {
      return new TokenBucket(unitsPerSecond, burstSeconds, nowNanos);
    }
    bucket.setUnitsPerSecond(unitsPerSecond, nowNanos);
    return bucket;
  }

  synchronized void setBurstSeconds(double burstSeconds, long nowNanos) {
    if (read != null) {
      read.setBurstSeconds(burstSeconds, nowNanos);
    }
    if (write != null) {
      write.setBurstSeconds(burstSeconds, nowNanos);
    }
  }
}
