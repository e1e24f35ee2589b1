package io.ddbio.cli.throughput;

import io.ddbio.testkit.emulator.TableStats;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Writes a scenario's seconds as CSV, one row per second, for charts of one's own. */
final class ResultCsv {
  static final String HEADER =
      "second,target_units,consumed_units,requests,throttled_requests,unprocessed_items";

  private ResultCsv() {}

  /** Writes {@code result} to {@code csv}; seconds count from the job's first request. */
  static void write(ScenarioResult result, Path csv) throws IOException {
    try (Writer w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
      w.write(HEADER);
      w.write('\n');
      for (TableStats.Second s : result.seconds()) {
        w.write(
            String.format(
                Locale.ROOT,
                "%d,%.1f,%.1f,%d,%d,%d%n",
                s.second() - result.firstSecond(),
                result.target().applyAsDouble(s.second()),
                result.units(s),
                s.requests(),
                s.throttledRequests(),
                s.unprocessedItems()));
      }
    }
  }
}
