package io.ddbio.importer.progress;

import io.ddbio.metrics.DdbioCounter;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.mapreduce.JobContext;
import org.apache.hadoop.mapreduce.JobStatus;
import org.apache.hadoop.mapreduce.OutputCommitter;
import org.apache.hadoop.mapreduce.TaskAttemptContext;

/**
 * The import's committer when it records its progress: the committer it wraps (the table's, or the
 * one that also publishes rejects), then, once a task has committed, the record that its data file
 * is imported ({@link ImportProgress}).
 *
 * <p>A task commits after its writer has flushed the last batch, so everything the file asked for
 * is in the table when the record is written; and after its rejects are published, so that a file
 * skipped by a resume has its bad records where the earlier run reported them. The committer learns
 * the task's file from its mapper ({@link #noteFile}), since a committer is given no input split.
 */
public final class ProgressCommitter extends OutputCommitter {
  /**
   * The task's data file, set by its mapper in the task's configuration, which the mapper's context
   * and the committer's share (one task, one configuration, on YARN and on the LocalJobRunner).
   */
  private static final String TASK_FILE_KEY = "ddbio.import.task.file";

  private final OutputCommitter inner;
  private final ImportProgress progress;

  private ProgressCommitter(OutputCommitter inner, ImportProgress progress) {
    this.inner = inner;
    this.progress = progress;
  }

  /**
   * {@code inner}, recording progress when the job has a progress directory; {@code inner} itself
   * when it has none (the library's own use of the import job).
   */
  public static OutputCommitter wrap(OutputCommitter inner, Configuration conf) throws IOException {
    return ImportProgress.configured(conf)
        .<OutputCommitter>map(p -> new ProgressCommitter(inner, p))
        .orElse(inner);
  }

  /** The committer {@code committer} wraps, if it is one of these; else {@code committer}. */
  public static OutputCommitter unwrap(OutputCommitter committer) {
    return committer instanceof ProgressCommitter p ? p.inner : committer;
  }

  /** Tells the task's committer which data file the task imports; called by the mapper. */
  public static void noteFile(Configuration taskConf, String file) {
    taskConf.set(TASK_FILE_KEY, file);
  }

  @Override
  public void setupJob(JobContext context) throws IOException {
    inner.setupJob(context);
  }

  @Override
  public void commitJob(JobContext context) throws IOException {
    inner.commitJob(context);
  }

  @Override
  public void abortJob(JobContext context, JobStatus.State state) throws IOException {
    inner.abortJob(context, state);
  }

  @Override
  public void setupTask(TaskAttemptContext context) throws IOException {
    inner.setupTask(context);
  }

  /** Always: every task that finishes has a file to record, even one of no item. */
  @Override
  public boolean needsTaskCommit(TaskAttemptContext context) {
    return true;
  }

  @Override
  public void commitTask(TaskAttemptContext context) throws IOException {
    if (inner.needsTaskCommit(context)) {
      inner.commitTask(context);
    }
    String file = context.getConfiguration().get(TASK_FILE_KEY);
    if (file == null) {
      throw new IOException(
          "Task "
              + context.getTaskAttemptID()
              + " named no data file, so its progress cannot be recorded for a resume");
    }
    Map<String, Long> counters = new LinkedHashMap<>();
    for (DdbioCounter c : DdbioCounter.values()) {
      long n = context.getCounter(c).getValue();
      if (n != 0) {
        counters.put(c.name(), n);
      }
    }
    progress.record(
        new ImportedFile(
            file, counters, context.getTaskAttemptID().toString(), Instant.now().toString()));
  }

  @Override
  public void abortTask(TaskAttemptContext context) throws IOException {
    inner.abortTask(context);
  }

  @Override
  public boolean isRecoverySupported(JobContext context) throws IOException {
    return inner.isRecoverySupported(context);
  }

  @Override
  public boolean isCommitJobRepeatable(JobContext context) throws IOException {
    return inner.isCommitJobRepeatable(context);
  }

  /** A task recovered by a restarted application master committed, and so recorded, already. */
  @Override
  public void recoverTask(TaskAttemptContext context) throws IOException {
    inner.recoverTask(context);
  }
}
