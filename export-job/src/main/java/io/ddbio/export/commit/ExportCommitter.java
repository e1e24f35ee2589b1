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
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.mapreduce.JobContext;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.lib.output.FileOutputCommitter;
import org.apache.hadoop.mapreduce.task.JobContextImpl;

/**
 * Publishes an export: {@link FileOutputCommitter}'s protocol (algorithm 1) for the data files,
 * then, at job commit, the format's index files, {@code ddbio-export.json} and {@code _SUCCESS}, in
 * that order, for exactly the committed data files ({@link ExportIndexFiles}). Nothing of a native
 * export, not even its {@code _started} marker, is in the output directory before the job commits.
 *
 * <p>The stats of each data file come from its task through {@link TaskStatsFiles}, which are taken
 * out of the committed task directories before those are merged into the output directory. After
 * the merge the data files in the directory must be exactly the files with stats, else the commit
 * fails and no manifest or {@code _SUCCESS} is written.
 *
 * <p>Algorithm 1 is required: algorithm 2 merges each task into the output directory when the task
 * commits, which would publish the stats files and data files of a job that may still fail.
 */
public class ExportCommitter extends FileOutputCommitter {

  /**
   * @throws IOException when the configuration asks for another commit algorithm than 1
   */
  public ExportCommitter(Path outputPath, TaskAttemptContext context) throws IOException {
    super(outputPath, context);
    int algorithm =
        context
            .getConfiguration()
            .getInt(
                FILEOUTPUTCOMMITTER_ALGORITHM_VERSION,
                FILEOUTPUTCOMMITTER_ALGORITHM_VERSION_DEFAULT);
    if (algorithm != 1) {
      throw new IOException(
          "The export needs "
              + FILEOUTPUTCOMMITTER_ALGORITHM_VERSION
              + "=1 (files are published at job commit only), was "
              + algorithm);
    }
  }

  @Override
  protected void commitJobInternal(JobContext context) throws IOException {
    Configuration conf = context.getConfiguration();
    Path out = getOutputPath();
    if (out == null) {
      throw new IOException("The export has no output directory to commit");
    }
    // Read what the metadata needs before merging anything: a commit that cannot finish should not
    // publish data files.
    Instant start = ExportJobConf.startTime(conf);
    TableSchema schema = ExportJobConf.tableSchema(conf);
    ExportFormat format = ExportJobConf.format(conf);
    NativeExportTarget target =
        format == ExportFormat.DYNAMODB_JSON ? ExportJobConf.nativeTarget(conf) : null;
    ExportSelection selection = selection(conf);
    CompressionCodec codec = ExportOutputFormat.codec(context);
    String compression = codec == null ? null : codec.getDefaultExtension();

    FileSystem fs = out.getFileSystem(conf);
    List<WrittenFile> files = TaskStatsFiles.collect(fs, getJobAttemptPath(context));
    super.commitJobInternal(withoutSuccessMarker(context));

    List<WrittenFile> published = PublishedFiles.check(fs, out, files);
    ExportIndexFiles.write(
        fs,
        out,
        new CommittedExport(
            format, published, schema, start, Instant.now(), compression, selection, target));
  }

  /** The projection and filter the tasks scanned with, from the same keys they read. */
  private static ExportSelection selection(Configuration conf) throws IOException {
    try {
      return ExportSelection.of(ScanExpressions.read(conf::get)).orElse(null);
    } catch (IllegalArgumentException e) {
      throw new IOException("The export's scan expressions are invalid: " + e.getMessage(), e);
    }
  }

  /**
   * The same job, minus FileOutputCommitter's own {@code _SUCCESS}: it would come before the
   * manifest, and a reader that waits for {@code _SUCCESS} must find the manifest complete.
   */
  private static JobContext withoutSuccessMarker(JobContext context) {
    Configuration conf = new Configuration(context.getConfiguration());
    conf.setBoolean(SUCCESSFUL_JOB_OUTPUT_DIR_MARKER, false);
    return new JobContextImpl(conf, context.getJobID());
  }
}
