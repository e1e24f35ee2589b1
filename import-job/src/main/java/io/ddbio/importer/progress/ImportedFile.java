package io.ddbio.importer.progress;

import io.ddbio.metrics.DdbioCounter;
import java.util.Map;

/**
 * The record that one data file was imported completely: every write its lines asked for is in the
 * table (the task's writer has flushed its last batch) and its bad records, if any, are published.
 *
 * @param file the data file's path, qualified, as the job's split named it
 * @param counters the task's counters by {@link DdbioCounter} name, for the summary and count
 *     checks of a resumed run
 * @param attempt the task attempt that imported it
 * @param committed when that attempt committed, ISO-8601
 */
public record ImportedFile(
    String file, Map<String, Long> counters, String attempt, String committed) {

  /** The task's count of {@code c}; 0 when it did not record one. */
  long count(DdbioCounter c) {
    Long n = counters == null ? null : counters.get(c.name());
    return n == null ? 0 : n;
  }
}
