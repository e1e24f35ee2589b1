package io.ddbio.importer.reject;

import io.ddbio.importer.job.ImportJob;
import io.ddbio.importer.progress.ProgressCommitter;
import io.ddbio.metrics.DdbioCounter;
import java.io.Closeable;
import java.io.IOException;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Counter;
import org.apache.hadoop.mapreduce.OutputCommitter;
import org.apache.hadoop.mapreduce.TaskInputOutputContext;
import org.apache.hadoop.mapreduce.lib.output.FileOutputFormat;

/**
 * One task's bad records (one data file's): each either fails the task with {@code <file>:<line>:
 * <reason>}, or is set aside in the task's {@link RejectFile} and counted in {@code BAD_RECORDS}.
 *
 * <p>With a limit of 0 (the default) the first bad record fails the task. With a limit N, the task
 * sets up to N aside and fails at the next: the limit is the whole job's, so one file holding more
 * than N already exceeds it, and stopping there keeps a file of another format from being read to
 * its end. Whether all tasks together stayed within N is checked by the tool once the job has ended
 * ({@link BadRecordOptions#problem}).
 */
public final class BadRecords implements Closeable {
  private final String file;
  private final int max;
  private final Counter counter;
  private final RejectFile rejects;
  private int count;

  /**
   * @param file the data file, as messages name it
   * @param max records that may be set aside; 0 fails at the first
   * @param counter counts the records set aside
   * @param rejects where they go; null when {@code max} is 0
   */
  BadRecords(String file, int max, Counter counter, RejectFile rejects) {
    if (max > 0 && rejects == null) {
      throw new IllegalArgumentException("Records to set aside need a rejects file");
    }
    this.file = file;
    this.max = max;
    this.counter = counter;
    this.rejects = rejects;
  }

  /**
   * The bad records of a map task reading {@code file}; rejects go to the work directory of the
   * task's {@link RejectsCommitter}, committed with the task.
   *
   * @throws IllegalStateException when records may be set aside but the job's committer is not a
   *     {@link RejectsCommitter} (the job was not wired by {@link ImportJob})
   */
  public static BadRecords forTask(TaskInputOutputContext<?, ?, ?, ?> context, String file)
      throws IOException {
    BadRecordOptions options = BadRecordOptions.from(context.getConfiguration());
    Counter counter = context.getCounter(DdbioCounter.BAD_RECORDS);
    if (!options.setsAside()) {
      return new BadRecords(file, 0, counter, null);
    }
    OutputCommitter committer = ProgressCommitter.unwrap(context.getOutputCommitter());
    if (!(committer instanceof RejectsCommitter r)) {
      throw new IllegalStateException(
          "Bad records are to be set aside, but the job's committer is "
              + committer
              + ", not the rejects committer of ImportOutputFormat");
    }
    Path work = r.workPath();
    String name = FileOutputFormat.getUniqueFile(context, "rejects", ".jsonl");
    RejectFile rejects =
        new RejectFile(work.getFileSystem(context.getConfiguration()), new Path(work, name));
    return new BadRecords(file, options.maxBadRecords(), counter, rejects);
  }

  /**
   * Sets a bad record aside, or fails.
   *
   * @param line the line's number in the file
   * @param text the line as read
   * @param reason what is wrong with it
   * @param cause the failure that found it, kept in the task's exception
   * @throws IOException {@code <file>:<line>: <reason>} when the record may not be set aside, or
   *     the rejects file cannot be written
   */
  public void setAside(long line, Text text, String reason, Exception cause) throws IOException {
    String where = file + ":" + line + ": " + reason;
    if (max == 0) {
      throw new IOException(where, cause);
    }
    if (++count > max) {
      throw new IOException(
          where
              + " (bad record "
              + count
              + " of this file alone, over the "
              + max
              + " that "
              + BadRecordOptions.LIMIT_NAME
              + " allows in all)",
          cause);
    }
    rejects.append(Reject.of(file, line, reason, text.getBytes(), text.getLength()));
    counter.increment(1);
  }

  /** Closes the rejects file, if one was written. */
  @Override
  public void close() throws IOException {
    if (rejects != null) {
      rejects.close();
    }
  }
}
