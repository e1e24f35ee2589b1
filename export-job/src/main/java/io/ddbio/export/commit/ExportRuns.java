package io.ddbio.export.commit;

import io.ddbio.backup.ScanRun;
import io.ddbio.scan.SegmentRange;
import io.ddbio.scan.SegmentSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code ddbio-export.json} says of each run of a resumed export ({@link ScanRun}), from the
 * committed tasks' records: the segments each run read, its items, and when its tasks read.
 */
final class ExportRuns {
  private ExportRuns() {}

  /**
   * @param started the export's record, or null when there is none (a job not submitted by the
   *     tool)
   * @param outputs every committed task's record
   * @return the runs, or null for an export read in one run
   */
  static List<ScanRun> of(StartedExport started, List<TaskOutput> outputs) {
    if (started == null || started.runs().size() < 2) {
      return null;
    }
    List<ScanRun> runs = new ArrayList<>();
    for (StartedExport.Run run : started.runs()) {
      List<SegmentRange> ranges = new ArrayList<>();
      long items = 0;
      Instant from = null;
      Instant to = null;
      for (TaskOutput o : outputs) {
        ReadSegments s = o.segments();
        if (s == null || s.run() != run.run()) {
          continue;
        }
        ranges.add(s.range());
        items += o.file() == null ? 0 : o.file().stats().items();
        Instant f = Instant.parse(s.readFrom());
        Instant t = Instant.parse(s.readTo());
        from = from == null || f.isBefore(from) ? f : from;
        to = to == null || t.isAfter(to) ? t : to;
      }
      runs.add(
          new ScanRun(
              run.run(),
              run.startTime(),
              SegmentSet.of(ranges).toString(),
              items,
              from == null ? null : from.toString(),
              to == null ? null : to.toString()));
    }
    return runs;
  }
}
