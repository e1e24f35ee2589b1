package io.ddbio.export.commit;

import io.ddbio.backup.ExportSelection;
import io.ddbio.export.layout.NativeExportTarget;
import io.ddbio.mapreduce.JsonRecords;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * What an export was started with, kept in its output directory ({@code _ddbio-commit/export.json})
 * from before its first job is submitted until its job commit: the choices every run of it must
 * share, and its runs. A job that fails leaves it beside the committed tasks' records, which is
 * what makes the export resumable: a rerun with {@code --resume} takes the segment count, the
 * format and the native export's id from here, refuses options that differ, and adds itself as a
 * run.
 *
 * @param table the table's name
 * @param tableId the table's id from DescribeTable, or null when the service gives none; a table
 *     deleted and created again under its name has another
 * @param format the {@link io.ddbio.export.layout.ExportFormat}'s name
 * @param totalSegments the scan's total segments
 * @param compression the codec's extension ({@code .gz}), or null for plain files
 * @param selection the projection and filter, or null for the whole table
 * @param consistentRead whether the scan reads strongly consistent
 * @param skipExpired whether items whose time to live has expired are left out ({@code
 *     --skip-expired}); false in a record of an older ddbio, which had no such option
 * @param target the native export's id and table identity, or null for the other formats
 * @param startTime when the first run started (ISO-8601); the export's start time
 * @param runs every run so far, the current one last
 */
public record StartedExport(
    String table,
    String tableId,
    String format,
    int totalSegments,
    String compression,
    ExportSelection selection,
    boolean consistentRead,
    boolean skipExpired,
    NativeExportTarget target,
    String startTime,
    List<Run> runs) {

  /**
   * One run of the export.
   *
   * @param run from 1
   * @param id the run's random id ({@link io.ddbio.export.ExportJobConf#runId})
   * @param startTime when it started (ISO-8601)
   */
  public record Run(int run, String id, String startTime) {}

  private static final String FILE = "export.json";

  public StartedExport {
    runs = List.copyOf(runs);
    if (runs.isEmpty()) {
      throw new IllegalArgumentException("an export has at least one run");
    }
  }

  /** Where it is kept below the output directory {@code out}. */
  public static Path path(Path out) {
    return new Path(new Path(out, TaskStatsFiles.DIR), FILE);
  }

  /**
   * The record in {@code out}, if there is one.
   *
   * @throws IOException when it is there and cannot be read
   */
  public static Optional<StartedExport> read(FileSystem fs, Path out) throws IOException {
    Path path = path(out);
    try {
      return JsonRecords.readIfThere(fs, path, StartedExport.class);
    } catch (IOException e) {
      throw new IOException(
          path + ", the record of an unfinished export, is not readable: " + e.getMessage(), e);
    }
  }

  /** Writes the record into {@code out}, in place of any earlier one. */
  public void write(FileSystem fs, Path out) throws IOException {
    JsonRecords.write(fs, path(out), this);
  }

  /** The run under way, or the last one. */
  public Run lastRun() {
    return runs.get(runs.size() - 1);
  }

  /** This export with {@code next} as its latest run. */
  public StartedExport withRun(Run next) {
    List<Run> all = new ArrayList<>(runs);
    all.add(next);
    return new StartedExport(
        table,
        tableId,
        format,
        totalSegments,
        compression,
        selection,
        consistentRead,
        skipExpired,
        target,
        startTime,
        all);
  }

  /**
   * What a run that would resume this export does differently, each as {@code what: now …, before
   * …}; empty when it may resume it.
   *
   * @param now the record the resuming run would start
   */
  public List<String> differences(StartedExport now) {
    List<String> d = new ArrayList<>();
    differ(d, "table", now.table, table);
    differ(d, "table id (the table was created again since)", now.tableId, tableId);
    differ(d, "format", now.format, format);
    differ(d, "total segments", now.totalSegments, totalSegments);
    differ(d, "compression", orNone(now.compression), orNone(compression));
    differ(d, "projection and filter", describe(now.selection), describe(selection));
    differ(d, "consistent read", now.consistentRead, consistentRead);
    differ(d, "--skip-expired", now.skipExpired, skipExpired);
    return d;
  }

  private static void differ(List<String> d, String what, Object now, Object before) {
    if (!Objects.equals(now, before)) {
      d.add(what + ": " + now + " now, " + before + " before");
    }
  }

  private static String orNone(String compression) {
    return compression == null || compression.isEmpty() ? "none" : compression;
  }

  private static String describe(ExportSelection selection) {
    return selection == null ? "the whole table" : selection.describe();
  }
}
