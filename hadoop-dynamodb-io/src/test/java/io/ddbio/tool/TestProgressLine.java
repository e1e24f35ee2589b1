package io.ddbio.tool;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TestProgressLine {

  @Test
  void aKnownEstimateGivesThePercentAndTheTimeLeft() {
    ProgressLine line = new ProgressLine("Export of table \"Orders\"", "read", 50_000, 125);
    assertEquals(
        "Export of table \"Orders\": 12,500 of about 50,000 items (25%), 1,250 items/s,"
            + " 118.2 of 125.0 read units/s, 3 throttled, about 30 s left",
        line.render(12_500, Duration.ofSeconds(10), 1_182_000, 3));
  }

  @Test
  void anUnknownEstimateOrTargetIsLeftOut() {
    ProgressLine line = new ProgressLine("Import of d into table \"T\"", "write", 0, 0);
    assertEquals(
        "Import of d into table \"T\": 400 items, 40 items/s, 80.0 write units/s, 0 throttled",
        line.render(400, Duration.ofSeconds(10), 800_000, 0));
  }

  @Test
  void moreItemsThanEstimatedShowNoPercentAndNoTimeLeft() {
    // The table's item count is hours old: a table that grew since holds more than it says.
    ProgressLine line = new ProgressLine("Export", "read", 100, 10);
    assertEquals(
        "Export: 150 items, 15 items/s, 1.0 of 10.0 read units/s, 0 throttled",
        line.render(150, Duration.ofSeconds(10), 10_000, 0));
    assertEquals(
        "Export: 100 of about 100 items (99%), 10 items/s, 1.0 of 10.0 read units/s, 0 throttled,"
            + " about 0 s left",
        line.render(100, Duration.ofSeconds(10), 10_000, 0));
  }

  @Test
  void theTimeLeftIsAsPreciseAsItCanBe() {
    assertEquals("59 s", ProgressLine.duration(59));
    assertEquals("1 min", ProgressLine.duration(60));
    assertEquals("12 min", ProgressLine.duration(12 * 60 + 10));
    assertEquals("3 h 05 min", ProgressLine.duration(3 * 3600 + 5 * 60));
  }
}
