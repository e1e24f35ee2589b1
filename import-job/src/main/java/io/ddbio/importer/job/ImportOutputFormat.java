package io.ddbio.importer.job;

import io.ddbio.importer.TaskFailures;
import io.ddbio.importer.progress.ProgressCommitter;
import io.ddbio.importer.reject.BadRecordOptions;
import io.ddbio.importer.reject.RejectsCommitter;
import io.ddbio.mapreduce.DynamoDBItemWritable;
import io.ddbio.mapreduce.DynamoDBOutputFormat;
import java.io.IOException;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.mapreduce.JobContext;
import org.apache.hadoop.mapreduce.OutputCommitter;
import org.apache.hadoop.mapreduce.OutputFormat;
import org.apache.hadoop.mapreduce.RecordWriter;
import org.apache.hadoop.mapreduce.TaskAttemptContext;

/**
 * The import's output: items into the table through {@link DynamoDBOutputFormat}, and, when bad
 * records are set aside ({@link BadRecordOptions}), a {@link RejectsCommitter} that also commits
 * the rejects directory, which must not exist yet; and, when the job records its progress for a
 * resume, a {@link ProgressCommitter} around either.
 */
public class ImportOutputFormat extends OutputFormat<NullWritable, DynamoDBItemWritable> {
  private final DynamoDBOutputFormat<NullWritable> table = new DynamoDBOutputFormat<>();
  private OutputCommitter committer;

  /** Fails before any task starts when the rejects directory exists, then checks the table. */
  @Override
  public void checkOutputSpecs(JobContext context) throws IOException {
    BadRecordOptions options = BadRecordOptions.from(context.getConfiguration());
    if (options.setsAside()) {
      Path dir = options.requireRejectsDir();
      if (dir.getFileSystem(context.getConfiguration()).exists(dir)) {
        throw new IOException(
            "The rejects directory "
                + dir
                + " already exists; name one that does not with --rejects-dir");
      }
    }
    table.checkOutputSpecs(context);
  }

  /**
   * The table's writer, with its failures noted for the tool (see {@link TaskFailures}): the last
   * batch is written when the task closes the writer, after the mapper has returned and so outside
   * the mapper's own note-taking, and the LocalJobRunner reports nothing of such a failure.
   */
  @Override
  public RecordWriter<NullWritable, DynamoDBItemWritable> getRecordWriter(
      TaskAttemptContext context) throws IOException, InterruptedException {
    RecordWriter<NullWritable, DynamoDBItemWritable> writer =
        TaskFailures.noting(context, () -> table.getRecordWriter(context));
    return new RecordWriter<>() {
      @Override
      public void write(NullWritable key, DynamoDBItemWritable value)
          throws IOException, InterruptedException {
        writer.write(key, value); // called by the mapper, which notes its own failures
      }

      @Override
      public void close(TaskAttemptContext closing) throws IOException, InterruptedException {
        TaskFailures.noting(closing, () -> writer.close(closing));
      }
    };
  }

  @Override
  public synchronized OutputCommitter getOutputCommitter(TaskAttemptContext context)
      throws IOException {
    if (committer == null) {
      BadRecordOptions options = BadRecordOptions.from(context.getConfiguration());
      OutputCommitter tableCommitter = table.getOutputCommitter(context);
      committer =
          ProgressCommitter.wrap(
              options.setsAside()
                  ? new RejectsCommitter(tableCommitter, options.requireRejectsDir(), context)
                  : tableCommitter,
              context.getConfiguration());
    }
    return committer;
  }
}
