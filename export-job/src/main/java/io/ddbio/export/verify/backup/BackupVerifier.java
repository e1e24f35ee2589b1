package io.ddbio.export.verify.backup;

import io.ddbio.backup.DataFileStats;
import io.ddbio.backup.DataPipelineManifest;
import io.ddbio.backup.ExportMetadata;
import io.ddbio.backup.ExportSelection;
import io.ddbio.backup.NativeExportManifest;
import io.ddbio.export.layout.NativeLayout;
import io.ddbio.export.verify.VerifyReport;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.CompressionCodecFactory;
import org.apache.hadoop.mapreduce.lib.output.FileOutputCommitter;

/**
 * Checks a backup directory on any Hadoop file system (s3a:, hdfs:, file:) against its own records:
 * {@code _SUCCESS}; the index files (Data Pipeline's {@code manifest}, or the native {@code
 * manifest-files.json} and {@code manifest-summary.json}) against {@code ddbio-export.json}; every
 * listed data file present and no data file unlisted; each file's size, SHA-256, MD5 and line count
 * as recorded; and the totals. Every data file is read once, whole; several are read at once.
 *
 * <p>A Data Pipeline export without {@code ddbio-export.json} and a native export made by DynamoDB
 * itself are checked as far as their own index files allow.
 */
public final class BackupVerifier {
  private static final int MAX_READERS = 8;

  private BackupVerifier() {}

  /**
   * What a verified backup says of itself, for comparing it with a table.
   *
   * @param dataFormat {@code datapipeline-v3} or {@code dynamodb-json}
   * @param items items the backup holds by its records (metadata, else the native summary, else the
   *     lines counted); empty when the backup could not be read
   * @param selection the projection and filter of a partial export
   * @param endTime when the export ended, when recorded
   * @param tableName the exported table's name, when recorded
   */
  public record Result(
      String dataFormat,
      OptionalLong items,
      Optional<ExportSelection> selection,
      Optional<String> endTime,
      Optional<String> tableName) {}

  /** Verifies {@code dir}, adding what it finds to {@code report}. */
  public static Result verify(Path dir, Configuration conf, VerifyReport report)
      throws IOException {
    return verify(dir, conf, report, null);
  }

  /**
   * @param items receives every item of the backup, or null when the items are not wanted
   */
  public static Result verify(Path dir, Configuration conf, VerifyReport report, BackupItems items)
      throws IOException {
    FileSystem fs = dir.getFileSystem(conf);
    Result nothing =
        new Result(
            null, OptionalLong.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    try {
      if (!fs.getFileStatus(dir).isDirectory()) {
        report.problem(dir + " is a file; give the backup's directory");
        return nothing;
      }
    } catch (FileNotFoundException e) {
      report.problem(dir + " does not exist");
      return nothing;
    }
    Optional<ExportMetadata> metadata = metadata(fs, dir, report);
    String format = format(fs, dir, metadata);
    if (format == null) {
      report.problem(
          "no "
              + ExportMetadata.FILE_NAME
              + ", manifest or "
              + NativeLayout.ROOT
              + "/: this is not the directory of an export");
      return nothing;
    }
    boolean ours = metadata.isPresent() || ExportMetadata.DATA_PIPELINE_V3.equals(format);
    if (ours) {
      if (fs.exists(new Path(dir, FileOutputCommitter.SUCCEEDED_FILE_NAME))) {
        report.ok("_SUCCESS is present: the export was committed");
      } else {
        report.problem("_SUCCESS is missing: the export did not finish, or is still running");
      }
    }

    OptionalLong summaryItems = OptionalLong.empty();
    List<ExpectedFile> files;
    if (ExportMetadata.DYNAMODB_JSON.equals(format)) {
      NativeFiles found = NativeFiles.list(fs, dir, metadata, report);
      files = found.files();
      summaryItems = found.summaryItems();
    } else {
      boolean manifest = !ExportMetadata.JSON_LINES.equals(format);
      files = DataPipelineFiles.list(fs, dir, metadata, manifest, report);
    }
    OptionalLong lines = readAll(fs, conf, files, format, report, items);

    OptionalLong recorded =
        metadata.isPresent() ? OptionalLong.of(metadata.get().itemCount()) : summaryItems;
    totals(metadata, summaryItems, lines, report);
    metadata
        .map(ExportMetadata::selection)
        .ifPresent(
            s ->
                report.note(
                    "a partial export of table \""
                        + metadata.get().table().tableName()
                        + "\", not a full backup: "
                        + s.describe()));
    return new Result(
        format,
        recorded.isPresent() ? recorded : lines,
        metadata.map(ExportMetadata::selection),
        metadata.map(ExportMetadata::endTime),
        metadata.map(m -> m.table().tableName()));
  }

  private static Optional<ExportMetadata> metadata(FileSystem fs, Path dir, VerifyReport report)
      throws IOException {
    Path path = new Path(dir, ExportMetadata.FILE_NAME);
    if (!fs.exists(path)) {
      report.note(
          "no "
              + ExportMetadata.FILE_NAME
              + " (not a ddbio export): sizes and SHA-256 cannot be checked");
      return Optional.empty();
    }
    try (InputStream in = fs.open(path)) {
      ExportMetadata m = ExportMetadata.read(in, path.toString());
      report.ok(
          ExportMetadata.FILE_NAME
              + ": "
              + m.dataFormat()
              + " export of table \""
              + m.table().tableName()
              + "\", "
              + FileCheck.count(m.itemCount())
              + " items in "
              + FileCheck.count(m.files().size())
              + " files, ended "
              + m.endTime());
      return Optional.of(m);
    } catch (IOException e) {
      report.problem(e.getMessage());
      return Optional.empty();
    }
  }

  /** The data format: the metadata's, else what the directory holds, else null. */
  private static String format(FileSystem fs, Path dir, Optional<ExportMetadata> metadata)
      throws IOException {
    if (metadata.isPresent() && metadata.get().dataFormat() != null) {
      return metadata.get().dataFormat();
    }
    if (fs.exists(new Path(dir, DataPipelineManifest.FILE_NAME))) {
      return ExportMetadata.DATA_PIPELINE_V3;
    }
    if (fs.exists(new Path(dir, NativeLayout.ROOT))
        || fs.exists(new Path(dir, NativeExportManifest.SUMMARY))) {
      return ExportMetadata.DYNAMODB_JSON;
    }
    return metadata.isPresent() ? ExportMetadata.DATA_PIPELINE_V3 : null;
  }

  /**
   * Reads every file, several at once; reports each in the listed order.
   *
   * @return the lines of all files, or empty when a file is missing or not as recorded
   */
  private static OptionalLong readAll(
      FileSystem fs,
      Configuration conf,
      List<ExpectedFile> files,
      String format,
      VerifyReport report,
      BackupItems items)
      throws IOException {
    if (files.isEmpty()) {
      return OptionalLong.of(0);
    }
    CompressionCodecFactory codecs = new CompressionCodecFactory(conf);
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(MAX_READERS, files.size()));
    try {
      List<Future<String>> outcomes = new ArrayList<>();
      long[] lines = new long[files.size()];
      for (int i = 0; i < files.size(); i++) {
        ExpectedFile f = files.get(i);
        int index = i;
        outcomes.add(
            pool.submit(
                () -> {
                  if (!fs.exists(f.path())) {
                    return "missing";
                  }
                  CompressionCodec codec = codecs.getCodec(f.path());
                  DataFileReader.Facts facts;
                  try {
                    facts =
                        DataFileReader.read(
                            fs,
                            f.path(),
                            codec,
                            items == null ? null : items.reader(f.name(), format));
                  } catch (IOException e) {
                    return "cannot be read to its end: " + e;
                  }
                  lines[index] = facts.lines();
                  List<String> d = FileCheck.differences(f, facts);
                  return d.isEmpty() ? null : String.join("; ", d);
                }));
      }
      int good = 0;
      for (int i = 0; i < files.size(); i++) {
        String problem = outcome(outcomes.get(i));
        if (problem == null) {
          good++;
        } else {
          report.problem(files.get(i).name() + ": " + problem);
        }
      }
      if (good > 0) {
        report.ok(
            FileCheck.count(good)
                + " of "
                + FileCheck.count(files.size())
                + " data files are as recorded ("
                + recordedWhat(files)
                + ")");
      }
      if (items != null) {
        items.report(report);
      }
      if (good < files.size()) {
        return OptionalLong.empty();
      }
      long total = 0;
      for (long n : lines) {
        total += n;
      }
      return OptionalLong.of(total);
    } finally {
      pool.shutdownNow();
    }
  }

  private static String outcome(Future<String> f) throws IOException {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("Interrupted while reading the data files", e);
    } catch (ExecutionException e) {
      throw new IOException("Reading a data file failed: " + e.getCause(), e.getCause());
    }
  }

  private static String recordedWhat(List<ExpectedFile> files) {
    List<String> what = new ArrayList<>();
    if (files.stream().anyMatch(f -> f.stats().isPresent())) {
      what.add("size, SHA-256");
    }
    if (files.stream().anyMatch(f -> f.md5Base64().isPresent())) {
      what.add("MD5");
    }
    what.add(files.stream().anyMatch(f -> f.items().isPresent()) ? "line count" : "readable");
    return String.join(", ", what);
  }

  /**
   * The totals: the records agree with themselves, and with the lines read when every file was as
   * recorded (a file that was not is already reported).
   */
  private static void totals(
      Optional<ExportMetadata> metadata,
      OptionalLong summaryItems,
      OptionalLong lines,
      VerifyReport report) {
    if (metadata.isEmpty()) {
      lines.ifPresent(n -> report.ok(FileCheck.count(n) + " lines in all"));
      return;
    }
    ExportMetadata m = metadata.get();
    long perFile = m.files().stream().mapToLong(DataFileStats::items).sum();
    long bytes = m.files().stream().mapToLong(DataFileStats::bytes).sum();
    if (m.itemCount() != perFile || m.byteCount() != bytes) {
      report.problem(
          ExportMetadata.FILE_NAME
              + " disagrees with itself: "
              + FileCheck.count(m.itemCount())
              + " items and "
              + FileCheck.count(m.byteCount())
              + " bytes in all, "
              + FileCheck.count(perFile)
              + " items and "
              + FileCheck.count(bytes)
              + " bytes in its files");
    } else if (lines.isPresent() && lines.getAsLong() != m.itemCount()) {
      report.problem(
          FileCheck.count(lines.getAsLong())
              + " lines read, "
              + FileCheck.count(m.itemCount())
              + " items recorded");
    } else if (lines.isPresent()) {
      report.ok(FileCheck.count(m.itemCount()) + " items in all, as recorded");
    }
    if (summaryItems.isPresent() && summaryItems.getAsLong() != m.itemCount()) {
      report.problem(
          "manifest-summary.json counts "
              + FileCheck.count(summaryItems.getAsLong())
              + " items, "
              + ExportMetadata.FILE_NAME
              + " "
              + FileCheck.count(m.itemCount()));
    }
  }
}
