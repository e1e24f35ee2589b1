package io.ddbio.importer.job;

import io.ddbio.importer.TaskFailures;
import io.ddbio.importer.progress.ProgressCommitter;
import io.ddbio.item.Expiry;
import io.ddbio.mapreduce.DynamoDBItemWritable;
import io.ddbio.mapreduce.DynamoDBOutputFormat;
import io.ddbio.mapreduce.ExpiryConf;
import io.ddbio.metrics.DdbioCounter;
import io.ddbio.write.InvalidItemException;
import java.io.IOException;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Counter;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.Mapper;
import org.apache.hadoop.mapreduce.lib.input.FileSplit;

/**
 * What every import mapper does with the numbered lines of one data file, whatever their syntax:
 * counts {@code LINES_READ} and {@code BYTES_READ} (line bytes) for every line and {@code
 * ITEMS_READ} for every write handed to {@link DynamoDBOutputFormat}, names {@code <file>:<line>}
 * in every failure, and leaves the reason of a failed task where the tool finds it ({@link
 * TaskFailures}). With {@code --skip-expired} ({@link ExpiryConf}) an item whose time to live has
 * expired is counted in {@code ITEMS_EXPIRED} instead of written. A subclass decides what a line
 * becomes.
 */
abstract class DataFileMapper
    extends Mapper<LongWritable, Text, NullWritable, DynamoDBItemWritable> {
  private String file;
  private Counter lines;
  private Counter bytes;
  private Counter items;
  private Counter expired;
  private Expiry expiry;

  @Override
  protected void setup(Context context) throws IOException {
    file = fileOf(context.getInputSplit());
    ProgressCommitter.noteFile(context.getConfiguration(), file);
    lines = context.getCounter(DdbioCounter.LINES_READ);
    bytes = context.getCounter(DdbioCounter.BYTES_READ);
    items = context.getCounter(DdbioCounter.ITEMS_READ);
    expired = context.getCounter(DdbioCounter.ITEMS_EXPIRED);
    expiry = ExpiryConf.get(context.getConfiguration()).orElse(null);
  }

  /**
   * The write {@code text} asks for, or null when it asks for none (a blank line, or a bad record
   * set aside).
   *
   * @param line the line's number in its file, for messages ({@link #where})
   * @throws IOException naming file and line when the task must fail
   */
  protected abstract DynamoDBItemWritable toWrite(LongWritable line, Text text) throws IOException;

  @Override
  protected final void map(LongWritable line, Text text, Context context)
      throws IOException, InterruptedException {
    lines.increment(1);
    bytes.increment(text.getLength());
    DynamoDBItemWritable write = toWrite(line, text);
    if (write == null) {
      return;
    }
    if (expiry != null && expiry.expired(write.get())) {
      expired.increment(1);
      return;
    }
    items.increment(1);
    try {
      context.write(NullWritable.get(), write);
    } catch (InvalidItemException e) {
      // A subclass checks what it can first, so this is the writer's last guard: never skipped.
      throw new IOException(where(line) + e.getMessage(), e);
    }
  }

  /** Leaves the reason of a failure where the tool finds it, then fails as before. */
  @Override
  public void run(Context context) throws IOException, InterruptedException {
    TaskFailures.noting(context, () -> super.run(context));
  }

  /** The file read, as messages name it. */
  protected final String file() {
    return file;
  }

  /** {@code <file>:<line>: }, the start of every message about a line. */
  protected final String where(LongWritable line) {
    return file + ":" + line.get() + ": ";
  }

  private static String fileOf(InputSplit split) {
    return split instanceof FileSplit f ? f.getPath().toString() : String.valueOf(split);
  }
}
