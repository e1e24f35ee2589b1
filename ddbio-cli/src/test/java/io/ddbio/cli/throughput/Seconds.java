package io.ddbio.cli.throughput;

import io.ddbio.testkit.emulator.TableStats;
import java.util.ArrayList;
import java.util.List;

/** Made-up timelines for the benchmark's unit tests. */
final class Seconds {
  private Seconds() {}

  /** Consecutive seconds from {@code first}, reading the given units, one request each. */
  static List<TableStats.Second> reads(long first, double... units) {
    List<TableStats.Second> seconds = new ArrayList<>();
    for (int i = 0; i < units.length; i++) {
      seconds.add(new TableStats.Second(first + i, 1, 0, 0, units[i], 0));
    }
    return seconds;
  }
}
