package io.ddbio.export.commit;

import io.ddbio.scan.SegmentRange;
import io.ddbio.scan.SegmentSet;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * What earlier runs of an export committed, read from its committed tasks' records: the segments a
 * resumed run leaves out of its scan, and the items they hold.
 *
 * @param segments the segments read and committed
 * @param items the items in their data files
 * @param files how many data files
 */
public record ResumePoint(SegmentSet segments, long items, int files) {

  /** Nothing committed yet. */
  public static final ResumePoint NONE = new ResumePoint(SegmentSet.empty(), 0, 0);

  /**
   * Reads the committed tasks' records below {@code out}. A record that cannot be read is deleted
   * and reported to {@code dropped} (called from several threads), and its segments are read again.
   *
   * @throws IOException when a record cannot be listed or read, names no segments (a task not run
   *     by the export's mapper), or two records name one segment
   */
  public static ResumePoint read(FileSystem fs, Path out, Consumer<String> dropped)
      throws IOException {
    List<TaskOutput> outputs = TaskStatsFiles.collectReadable(fs, out, dropped);
    List<SegmentRange> ranges = new ArrayList<>(outputs.size());
    long items = 0;
    int files = 0;
    for (TaskOutput o : outputs) {
      if (o.segments() == null) {
        throw new IOException(
            "A committed task in "
                + out
                + " recorded no segments (it did not run the export's mapper), so what is left"
                + " to read is unknown");
      }
      ranges.add(o.segments().range());
      if (o.file() != null) {
        items += o.file().stats().items();
        files++;
      }
    }
    try {
      return new ResumePoint(SegmentSet.of(ranges), items, files);
    } catch (IllegalArgumentException e) {
      throw new IOException("The committed tasks in " + out + " overlap: " + e.getMessage(), e);
    }
  }

  /** For the summary, e.g. {@code 8 of 16 segments, 1,200 items}. */
  public String describe(int totalSegments) {
    return String.format(
        Locale.ROOT, "%,d of %,d segments, %,d items", segments.size(), totalSegments, items);
  }
}
