package io.ddbio.testkit.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/** Counts one table's requests, throttles, unprocessed items and consumed units, per second. */
final class TableMeter {
  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  private final String table;
  private final long originNanos;
  private final Tally total = new Tally();
  private final TreeMap<Long, Tally> seconds = new TreeMap<>();

  /**
   * @param table the table name
   * @param originNanos the {@link System#nanoTime()} value of second 0
   */
  TableMeter(String table, long originNanos) {
    this.table = table;
    this.originNanos = originNanos;
  }

  synchronized void request(long nowNanos) {
    total.requests++;
    at(nowNanos).requests++;
  }

  synchronized void throttled(long nowNanos) {
    total.throttled++;
    at(nowNanos).throttled++;
  }

  synchronized void unprocessed(long items, long nowNanos) {
    total.unprocessed += items;
    at(nowNanos).unprocessed += items;
  }

  synchronized void consumedRead(double units, long nowNanos) {
    total.read += units;
    at(nowNanos).read += units;
  }

  synchronized void consumedWrite(double units, long nowNanos) {
    total.write += units;
    at(nowNanos).write += units;
  }

  private Tally at(long nowNanos) {
    long second = Math.floorDiv(nowNanos - originNanos, NANOS_PER_SECOND);
    return seconds.computeIfAbsent(second, s -> new Tally());
  }

  /** The counts so far. */
  synchronized TableStats snapshot() {
    List<TableStats.Second> timeline = new ArrayList<>();
    if (!seconds.isEmpty()) {
      // Quiet seconds are listed as zeros, so that a chart of the timeline shows them.
      Tally quiet = new Tally();
      for (long s = seconds.firstKey(); s <= seconds.lastKey(); s++) {
        timeline.add(seconds.getOrDefault(s, quiet).second(s));
      }
    }
    return new TableStats(
        table,
        total.requests,
        total.throttled,
        total.unprocessed,
        total.read,
        total.write,
        timeline);
  }

  /** Counts of one period. */
  private static final class Tally {
    long requests;
    long throttled;
    long unprocessed;
    double read;
    double write;

    TableStats.Second second(long second) {
      return new TableStats.Second(second, requests, throttled, unprocessed, read, write);
    }
  }
}
