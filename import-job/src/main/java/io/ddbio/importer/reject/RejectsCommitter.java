package io.ddbio.importer.reject;

import io.ddbio.importer.layout.BackupLayout;
import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapreduce.JobContext;
import org.apache.hadoop.mapreduce.JobStatus;
import org.apache.hadoop.mapreduce.OutputCommitter;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.lib.output.FileOutputCommitter;
import org.apache.hadoop.mapreduce.task.TaskAttemptContextImpl;

/**
 * The import's committer when bad records are set aside: the table's own committer, and a {@link
 * FileOutputCommitter} over the rejects directory, each called in turn at every step.
 *
 * <p>Tasks write their rejects in the attempt's work directory ({@link #workPath}); a failed or
 * killed attempt's are discarded with it. The rejects are published when their task commits (commit
 * algorithm 2, whatever the cluster's default), because the table is written the same way: a task's
 * items are in the table once it has finished, so the lines it set aside belong beside them even if
 * another task later fails the job. {@code _SUCCESS} at job commit tells that every task's rejects
 * are there. A rejects directory left without a single reject is removed, so it exists only when
 * something was set aside.
 */
public final class RejectsCommitter extends OutputCommitter {
  private final OutputCommitter table;
  private final FileOutputCommitter rejects;

  /**
   * @param table the table's committer
   * @param dir the rejects directory
   */
  public RejectsCommitter(OutputCommitter table, Path dir, TaskAttemptContext context)
      throws IOException {
    this.table = table;
    Configuration conf = new Configuration(context.getConfiguration());
    conf.setInt(FileOutputCommitter.FILEOUTPUTCOMMITTER_ALGORITHM_VERSION, 2);
    this.rejects =
        new FileOutputCommitter(dir, new TaskAttemptContextImpl(conf, context.getTaskAttemptID()));
  }

  /** The rejects directory. */
  Path directory() {
    return rejects.getOutputPath();
  }

  /** Where the current task attempt writes its rejects. */
  Path workPath() throws IOException {
    return rejects.getWorkPath();
  }

  @Override
  public void setupJob(JobContext context) throws IOException {
    inTurn(c -> c.setupJob(context));
  }

  @Override
  public void commitJob(JobContext context) throws IOException {
    inTurn(c -> c.commitJob(context));
    removeIfNoRejects(context.getConfiguration());
  }

  @Override
  public void abortJob(JobContext context, JobStatus.State state) throws IOException {
    try {
      table.abortJob(context, state);
    } finally {
      rejects.abortJob(context, state);
      removeIfNoRejects(context.getConfiguration());
    }
  }

  @Override
  public void setupTask(TaskAttemptContext context) throws IOException {
    inTurn(c -> c.setupTask(context));
  }

  @Override
  public boolean needsTaskCommit(TaskAttemptContext context) throws IOException {
    return table.needsTaskCommit(context) || rejects.needsTaskCommit(context);
  }

  @Override
  public void commitTask(TaskAttemptContext context) throws IOException {
    inTurn(
        c -> {
          if (c.needsTaskCommit(context)) {
            c.commitTask(context);
          }
        });
  }

  @Override
  public void abortTask(TaskAttemptContext context) throws IOException {
    try {
      table.abortTask(context);
    } finally {
      rejects.abortTask(context);
    }
  }

  @Override
  public boolean isRecoverySupported(JobContext context) throws IOException {
    return table.isRecoverySupported(context) && rejects.isRecoverySupported(context);
  }

  @Override
  public boolean isCommitJobRepeatable(JobContext context) throws IOException {
    return table.isCommitJobRepeatable(context) && rejects.isCommitJobRepeatable(context);
  }

  @Override
  public void recoverTask(TaskAttemptContext context) throws IOException {
    inTurn(c -> c.recoverTask(context));
  }

  /** A step of the protocol, taken by one committer. */
  @FunctionalInterface
  private interface Step {
    void take(OutputCommitter committer) throws IOException;
  }

  /** Takes {@code step} with the table's committer, then with the rejects'. */
  private void inTurn(Step step) throws IOException {
    step.take(table);
    step.take(rejects);
  }

  /** Removes the directory when it holds nothing but markers: no record was set aside. */
  private void removeIfNoRejects(Configuration conf) throws IOException {
    Path dir = directory();
    FileSystem fs = dir.getFileSystem(conf);
    if (!fs.exists(dir)) {
      return;
    }
    for (FileStatus s : fs.listStatus(dir)) {
      if (!BackupLayout.isHidden(s.getPath().getName())) {
        return;
      }
    }
    fs.delete(dir, true);
  }
}
