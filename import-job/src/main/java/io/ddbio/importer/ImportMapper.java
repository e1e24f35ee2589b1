package io.ddbio.importer;

import io.ddbio.item.DataPipelineCodec;
import io.ddbio.item.ItemFormatException;
import io.ddbio.mapreduce.DynamoDBItemWritable;
import io.ddbio.mapreduce.DynamoDBOutputFormat;
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
 * Turns numbered lines of a data file into items for {@link DynamoDBOutputFormat}: Data Pipeline v3
 * lines and the older {@code 0x02}/{@code 0x03} lines alike; blank lines are skipped.
 *
 * <p>A line that is not an item, or an item DynamoDB would refuse (no key, over 400 KB), fails the
 * task with {@code <file>:<line>: <reason>}: an import that skips what it cannot read is not a
 * restore. Counts {@code LINES_READ}, {@code BYTES_READ} (line bytes) and {@code ITEMS_READ}; the
 * writer counts {@code ITEMS_WRITTEN}.
 */
public class ImportMapper extends Mapper<LongWritable, Text, NullWritable, DynamoDBItemWritable> {
  private final DataPipelineCodec codec = new DataPipelineCodec();
  private final DynamoDBItemWritable item = new DynamoDBItemWritable();
  private String file;
  private Counter lines;
  private Counter bytes;
  private Counter items;

  @Override
  protected void setup(Context context) {
    file = fileOf(context.getInputSplit());
    lines = context.getCounter(DdbioCounter.LINES_READ);
    bytes = context.getCounter(DdbioCounter.BYTES_READ);
    items = context.getCounter(DdbioCounter.ITEMS_READ);
  }

  @Override
  protected void map(LongWritable line, Text text, Context context)
      throws IOException, InterruptedException {
    lines.increment(1);
    bytes.increment(text.getLength());
    if (DataPipelineCodec.isBlank(text.getBytes(), 0, text.getLength())) {
      return;
    }
    try {
      item.set(codec.decode(text.getBytes(), 0, text.getLength()));
    } catch (ItemFormatException e) {
      throw new IOException(where(line) + e.reason(), e);
    }
    items.increment(1);
    try {
      context.write(NullWritable.get(), item);
    } catch (InvalidItemException e) {
      throw new IOException(where(line) + e.getMessage(), e);
    }
  }

  /** Leaves the reason of a failure where the tool finds it, then fails as before. */
  @Override
  public void run(Context context) throws IOException, InterruptedException {
    try {
      super.run(context);
    } catch (IOException | RuntimeException e) {
      TaskFailures.record(context, e);
      throw e;
    }
  }

  private String where(LongWritable line) {
    return file + ":" + line.get() + ": ";
  }

  static String fileOf(InputSplit split) {
    return split instanceof FileSplit f ? f.getPath().toString() : String.valueOf(split);
  }
}
