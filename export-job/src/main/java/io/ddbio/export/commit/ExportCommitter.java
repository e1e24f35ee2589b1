package io.ddbio.export.commit;

import io.ddbio.backup.ExportSelection;
import io.ddbio.backup.TableSchema;
import io.ddbio.config.ScanExpressions;
import io.ddbio.export.ExportJobConf;
import io.ddbio.export.layout.CommittedExport;
import io.ddbio.export.layout.ExportFormat;
import io.ddbio.export.layout.ExportIndexFiles;
import io.ddbio.export.layout.NativeExportTarget;
import io.ddbio.export.output.ExportOutputFormat;
import io.ddbio.mapreduce.ExpiryConf;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.mapreduce.JobContext;
import org.apache.hadoop.mapreduce.JobStatus;
import org.apache.hadoop.mapreduce.OutputCommitter;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.TaskAttemptID;

/**
 * Publishes an export with the manifest as the commit point: no data file is renamed or copied
 * after it is written, on HDFS, on {@code s3a://} and on stores where a rename is a copy ({@code
 * s3://} through EMRFS). Each task attempt writes its data file straight to its final name below
 * the output directory ({@link ExportOutputFormat#dataFile}), a name no other attempt uses;
 * committing the attempt records that file, with its stats, as the task's output ({@link
 * TaskStatsFiles}). The job commit then deletes the visible files no committed task recorded
 * (attempts that failed, were killed or lost a speculative race; {@link PublishedFiles}), writes
 * the format's index files and {@code ddbio-export.json} for exactly the recorded files, removes
 * the records, and writes {@code _SUCCESS} last ({@link ExportIndexFiles}). A job that fails keeps
 * the committed tasks' records, with what the export was started with ({@link StartedExport}), so
 * that a resumed run reads only the segments no committed task read ({@link ResumePoint}).
 *
 * <p>So importers, which read what the manifest lists, never see a failed attempt's data, and
 * whoever waits for {@code _SUCCESS} finds the manifests complete. Until the job commits, data
 * files of running and finished attempts are visible below the output directory, without any
 * manifest; an export that fails is withdrawn by the tool. The job commit's cost is a listing of
 * the output directory and one small read per task, whatever the bytes exported. See {@code
 * docs/ARCHITECTURE.md} ("Committing an export") for why this design and not an S3A committer.
 */
public class ExportCommitter extends OutputCommitter {
  private final Path out;

  public ExportCommitter(Path outputPath, TaskAttemptContext context) throws IOException {
    if (outputPath == null) {
      throw new IOException("The export has no output directory to commit");
    }
    this.out = outputPath.getFileSystem(context.getConfiguration()).makeQualified(outputPath);
  }

  /** The output directory, qualified. */
  public Path getOutputPath() {
    return out;
  }

  @Override
  public void setupJob(JobContext context) throws IOException {
    FileSystem fs = out.getFileSystem(context.getConfiguration());
    if (!fs.mkdirs(out)) {
      throw new IOException("Could not create the output directory " + out);
    }
  }

  @Override
  public void setupTask(TaskAttemptContext context) {
    // Nothing to prepare: the attempt writes its file where it will stay.
  }

  @Override
  public boolean needsTaskCommit(TaskAttemptContext context) throws IOException {
    return TaskStatsFiles.hasPending(fs(context), out, context.getTaskAttemptID());
  }

  @Override
  public void commitTask(TaskAttemptContext context) throws IOException {
    TaskStatsFiles.commit(fs(context), out, context.getTaskAttemptID());
  }

  /**
   * Deletes the attempt's pending stats and its data file. A data file left behind (the attempt's
   * JVM died, or this delete failed) is unrecorded and goes at job commit.
   */
  @Override
  public void abortTask(TaskAttemptContext context) throws IOException {
    FileSystem fs = fs(context);
    TaskAttemptID attempt = context.getTaskAttemptID();
    TaskStatsFiles.discard(fs, out, attempt);
    fs.delete(ExportOutputFormat.dataFile(out, context), false);
  }

  @Override
  public void commitJob(JobContext context) throws IOException {
    Configuration conf = context.getConfiguration();
    // Read what the metadata needs before changing anything: a commit that cannot finish should
    // not delete or publish files.
    Instant start = ExportJobConf.startTime(conf);
    TableSchema schema = ExportJobConf.tableSchema(conf);
    ExportFormat format = ExportJobConf.format(conf);
    NativeExportTarget target =
        format == ExportFormat.DYNAMODB_JSON ? ExportJobConf.nativeTarget(conf) : null;
    ExportSelection selection = selection(conf);
    CompressionCodec codec = ExportOutputFormat.codec(context);
    String compression = codec == null ? null : codec.getDefaultExtension();

    FileSystem fs = out.getFileSystem(conf);
    StartedExport started = StartedExport.read(fs, out).orElse(null);
    List<TaskOutput> outputs = TaskStatsFiles.collect(fs, out);
    List<WrittenFile> files =
        outputs.stream().map(TaskOutput::file).filter(Objects::nonNull).toList();
    List<WrittenFile> published = PublishedFiles.reconcile(fs, out, files);
    ExportIndexFiles.write(
        fs,
        out,
        new CommittedExport(
            format,
            published,
            schema,
            start,
            Instant.now(),
            compression,
            selection,
            target,
            ExportRuns.of(started, outputs),
            ExpiryConf.get(conf).orElse(null)),
        () -> TaskStatsFiles.remove(fs, out));
  }

  /**
   * Removes what attempts left pending and keeps the committed tasks' records, so that the export
   * can be resumed; the tool withdraws the export when nothing was committed.
   */
  @Override
  public void abortJob(JobContext context, JobStatus.State state) throws IOException {
    TaskStatsFiles.removePending(out.getFileSystem(context.getConfiguration()), out);
  }

  private FileSystem fs(TaskAttemptContext context) throws IOException {
    return out.getFileSystem(context.getConfiguration());
  }

  /** The projection and filter the tasks scanned with, from the same keys they read. */
  private static ExportSelection selection(Configuration conf) throws IOException {
    try {
      return ExportSelection.of(ScanExpressions.read(conf::get)).orElse(null);
    } catch (IllegalArgumentException e) {
      throw new IOException("The export's scan expressions are invalid: " + e.getMessage(), e);
    }
  }
}
