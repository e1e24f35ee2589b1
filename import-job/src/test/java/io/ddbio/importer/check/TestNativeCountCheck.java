package io.ddbio.importer.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbio.metrics.DdbioCounter;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A native import's counts: reads become puts or deletes, as many as the summary records. */
class TestNativeCountCheck {

  @Test
  void putsAndDeletesTogetherAccountForEveryLine() {
    Map<DdbioCounter, Long> counters =
        Map.of(
            DdbioCounter.ITEMS_READ, 9L,
            DdbioCounter.ITEMS_WRITTEN, 5L,
            DdbioCounter.ITEMS_DELETED, 4L);
    assertEquals(
        Optional.empty(), NativeCountCheck.of(c -> counters.getOrDefault(c, 0L), 9).problem());
  }

  @Test
  void aWriteThatWentMissingIsReported() {
    String m = new NativeCountCheck(9, 5, 3, 0, 9).problem().orElseThrow();
    assertTrue(m.contains("read (9)") && m.contains("written (5)") && m.contains("deleted (3)"), m);
  }

  @Test
  void fewerLinesThanTheSummaryRecordsIsReported() {
    String m = new NativeCountCheck(8, 8, 0, 0, 9).problem().orElseThrow();
    assertEquals("manifest-summary.json records 9 items, but 8 were read from the data files", m);
  }

  @Test
  void itemsLeftOutAsExpiredCountTowardsTheSummary() {
    assertTrue(new NativeCountCheck(6, 6, 0, 3, 9).problem().isEmpty());
    String m = new NativeCountCheck(6, 6, 0, 2, 9).problem().orElseThrow();
    assertTrue(m.contains("but 6 were read from the data files and 2 left out as expired"), m);
  }
}
