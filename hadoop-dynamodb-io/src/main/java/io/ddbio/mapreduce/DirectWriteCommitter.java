package io.ddbio.mapreduce;

import org.apache.hadoop.mapreduce.JobContext;
import org.apache.hadoop.mapreduce.OutputCommitter;
import org.apache.hadoop.mapreduce.TaskAttemptContext;

/**
 * The committer of a table: writes land when sent, so there is nothing to move at commit. A failed
 * attempt's puts are repeated by the next attempt with the same items, which replace them, so a
 * retried task leaves the table as one successful attempt would. (Jobs that also write files use
 * their own {@code FileOutputCommitter}.)
 */
final class DirectWriteCommitter extends OutputCommitter {
  @Override
  public void setupJob(JobContext jobContext) {}

  @Override
  public void setupTask(TaskAttemptContext taskContext) {}

  @Override
  public boolean needsTaskCommit(TaskAttemptContext taskContext) {
    return false;
  }

  @Override
  public void commitTask(TaskAttemptContext taskContext) {}

  @Override
  public void abortTask(TaskAttemptContext taskContext) {}
}
