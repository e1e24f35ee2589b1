package io.ddbio.testkit.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/** Every table the emulator has seen or been told about, with the burst allowance they share. */
final class MeteredTables {
  private final ConcurrentHashMap<String, MeteredTable> tables = new ConcurrentHashMap<>();
  private final LongSupplier nanoClock;
  private final long originNanos;
  private double burstSeconds;

  /**
   * @param nanoClock {@link System#nanoTime()} or a fake
   * @param burstSeconds the initial burst allowance of every bucket
   */
  MeteredTables(LongSupplier nanoClock, double burstSeconds) {
    this.nanoClock = nanoClock;
    this.originNanos = nanoClock.getAsLong();
    this.burstSeconds = TokenBucket.checkBurstSeconds(burstSeconds);
  }

  long now() {
    return nanoClock.getAsLong();
  }

  /** The table, known from now on if it was not yet. */
  MeteredTable get(String name) {
    return tables.computeIfAbsent(name, n -> new MeteredTable(new TableMeter(n, originNanos)));
  }

  /** The table's stats; empty ones for a table never seen. */
  TableStats stats(String name) {
    MeteredTable table = tables.get(name);
    return table != null ? table.meter().snapshot() : new TableMeter(name, originNanos).snapshot();
  }

  /** The names of the tables seen, sorted. */
  List<String> names() {
    List<String> names = new ArrayList<>(tables.keySet());
    names.sort(null);
    return names;
  }

  /** Sets a table's capacity; an infinite rate makes that direction unlimited. */
  synchronized void setCapacity(String name, double readUnits, double writeUnits) {
    checkCapacity("read", readUnits);
    checkCapacity("write", writeUnits);
    get(name).setCapacity(readUnits, writeUnits, burstSeconds, now());
  }

  private static void checkCapacity(String direction, double units) {
    if (units != Double.POSITIVE_INFINITY) {
      try {
        TokenBucket.checkRate(units);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "The " + direction + " capacity: " + e.getMessage() + " (or infinity for unlimited)",
            e);
      }
    }
  }

  synchronized void setBurstSeconds(double seconds) {
    TokenBucket.checkBurstSeconds(seconds);
    burstSeconds = seconds;
    long now = now();
    tables.values().forEach(table -> table.setBurstSeconds(seconds, now));
  }

  synchronized double burstSeconds() {
    return burstSeconds;
  }
}
