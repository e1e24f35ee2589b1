package io.ddbio.bench.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbio.tool.UsageException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TestE2eOptions {
  private static final Path TMP = Path.of("/tmp/x");

  @Test
  void defaults() {
    E2eOptions o = E2eOptions.parse(new String[0], TMP);
    assertEquals(200_000, o.items());
    assertEquals(2, o.threads());
    assertEquals(1000, o.pageLimit());
    assertEquals(1, o.rounds());
    assertFalse(o.memoryCheck());
    assertEquals(TMP, o.workDir());
    assertEquals(Optional.empty(), o.results());
  }

  @Test
  void memoryCheckDefaultsToAMillionItemsAndA256MbHeap() {
    E2eOptions o = E2eOptions.parse(new String[] {"--memory-check"}, TMP);
    assertTrue(o.memoryCheck());
    assertEquals(1_000_000, o.items());
    assertEquals("256m", o.taskHeap());
    assertEquals(
        5000, E2eOptions.parse(new String[] {"--memory-check", "--items", "5000"}, TMP).items());
  }

  @Test
  void refusesNonsense() {
    assertThrows(
        UsageException.class, () -> E2eOptions.parse(new String[] {"--threads", "0"}, TMP));
    assertThrows(UsageException.class, () -> E2eOptions.parse(new String[] {"--items", "x"}, TMP));
    assertThrows(UsageException.class, () -> E2eOptions.parse(new String[] {"--bogus"}, TMP));
    assertThrows(UsageException.class, () -> E2eOptions.parse(new String[] {"extra"}, TMP));
    assertThrows(
        UsageException.class, () -> E2eOptions.parse(new String[] {"--page-limit", "20000"}, TMP));
  }

  @Test
  void summaryTakesMediansAndRatios() {
    List<Measurement> runs =
        List.of(
            run(Comparison.RAW_SCAN, 1000, 10),
            run(Comparison.RAW_SCAN, 1000, 20),
            run(Comparison.RAW_SCAN, 1000, 30),
            run(Comparison.EXPORT, 1000, 25));
    Summary s = new Summary(runs, 5, 0);
    assertEquals(50, s.median(Comparison.RAW_SCAN, Measurement::itemsPerSecond), 1e-9);
    assertEquals(0.8, s.ratio(Comparison.EXPORT, Comparison.RAW_SCAN), 1e-9);
    // 1000 items in 25 s, 5 of them the job's fixed cost: 50 items/s, as fast as the raw scan.
    assertEquals(1.0, s.ratioWithoutFixedCost(Comparison.EXPORT, Comparison.RAW_SCAN, 5), 1e-9);
  }

  private static Measurement run(String phase, long items, long seconds) {
    return new Measurement(
        phase, items, 1, -1, Duration.ofSeconds(seconds), Duration.ZERO, Duration.ZERO, 0);
  }
}
