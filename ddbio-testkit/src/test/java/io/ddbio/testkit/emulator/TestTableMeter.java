package io.ddbio.testkit.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A table's counts, in total and per second since the emulator started. */
class TestTableMeter {
  private static final long SECOND = 1_000_000_000L;
  private static final long ORIGIN = 7 * SECOND + 123;

  @Test
  void countsPerSecondWithQuietSecondsAsZeros() {
    TableMeter meter = new TableMeter("t", ORIGIN);
    meter.request(ORIGIN + SECOND);
    meter.consumedRead(1.5, ORIGIN + SECOND + 10);
    meter.request(ORIGIN + 2 * SECOND - 1);
    meter.throttled(ORIGIN + 2 * SECOND - 1);
    meter.request(ORIGIN + 3 * SECOND);
    meter.consumedWrite(4, ORIGIN + 3 * SECOND);
    meter.unprocessed(20, ORIGIN + 3 * SECOND + 5);

    TableStats stats = meter.snapshot();

    assertEquals("t", stats.table());
    assertEquals(3, stats.requests());
    assertEquals(1, stats.throttledRequests());
    assertEquals(20, stats.unprocessedItems());
    assertEquals(1.5, stats.consumedReadUnits());
    assertEquals(4, stats.consumedWriteUnits());
    assertEquals(
        List.of(
            new TableStats.Second(1, 2, 1, 0, 1.5, 0),
            new TableStats.Second(2, 0, 0, 0, 0, 0),
            new TableStats.Second(3, 1, 0, 20, 0, 4)),
        stats.timeline());
  }

  @Test
  void aTableNotSeenHasAnEmptyTimeline() {
    TableStats stats = new TableMeter("t", ORIGIN).snapshot();

    assertEquals(new TableStats("t", 0, 0, 0, 0, 0, List.of()), stats);
  }
}
