package io.ddbio.importer;

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
 * the rejects directory, which must not exist yet.
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

  @Override
  public RecordWriter<NullWritable, DynamoDBItemWritable> getRecordWriter(
      TaskAttemptContext context) throws IOException {
    return table.getRecordWriter(context);
  }

  @Override
  public synchronized OutputCommitter getOutputCommitter(TaskAttemptContext context)
      throws IOException {
    if (committer == null) {
      BadRecordOptions options = BadRecordOptions.from(context.getConfiguration());
      OutputCommitter tableCommitter = table.getOutputCommitter(context);
      committer =
          options.setsAside()
              ? new RejectsCommitter(tableCommitter, options.requireRejectsDir(), context)
              : tableCommitter;
    }
    return committer;
  }
}
