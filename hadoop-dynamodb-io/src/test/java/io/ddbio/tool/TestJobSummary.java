package io.ddbio.tool;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbio.metrics.DdbioCounter;
import java.time.Duration;
import java.util.Map;
import java.util.function.ToLongFunction;
import org.junit.jupiter.api.Test;

class TestJobSummary {
  private static final ToLongFunction<DdbioCounter> COUNTS =
      c -> Map.of(DdbioCounter.ITEMS_READ, 1_500L).getOrDefault(c, 0L);

  @Test
  void aResumedRunSaysWhatEarlierRunsDidOnALineOfItsOwnAndCountsOnlyItsOwnWork() {
    String text =
        new JobSummary(
                "Export", true, Duration.ofSeconds(3), COUNTS, "4 of 8 segments, 1,200 items")
            .render();
    assertTrue(text.contains("  items read:                1,500\n"), text);
    assertTrue(text.contains("  done by earlier runs:      4 of 8 segments, 1,200 items\n"), text);
    assertTrue(text.indexOf("items read") < text.indexOf("done by earlier runs"), text);
  }

  @Test
  void aRunThatIsNotResumedHasNoSuchLine() {
    String text = new JobSummary("Export", true, Duration.ofSeconds(3), COUNTS).render();
    assertFalse(text.contains("earlier"), text);
    assertTrue(text.startsWith("Export: SUCCEEDED\n"), text);
  }
}
