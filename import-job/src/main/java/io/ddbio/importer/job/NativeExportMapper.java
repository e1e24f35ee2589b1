package io.ddbio.importer.job;

import io.ddbio.importer.TaskFailures;
import io.ddbio.importer.lines.NativeLineFormat;
import io.ddbio.item.ExportLine;
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
import org.apache.hadoop.mapreduce.Mapper;

/**
 * Turns numbered lines of a native export's data file (DynamoDB JSON or Ion) into writes for {@link
 * DynamoDBOutputFormat}, in the file's order: {@code {"Item":…}} (a full export) and {@code
 * NewImage} (an incremental one) become puts, a change with {@code Keys} only a delete. The writer
 * keeps that order for every key, so a put then a delete of one key leaves no item, and a delete
 * then a put leaves the put. Blank lines are skipped.
 *
 * <p>A line that is not of the export's kind (an item in an incremental export, a change in a full
 * one), not valid, or an item DynamoDB would refuse fails the task with {@code <file>:<line>:
 * <reason>}. Counts {@code LINES_READ}, {@code BYTES_READ} (line bytes) and {@code ITEMS_READ}
 * (puts and deletes); the writer counts {@code ITEMS_WRITTEN} and {@code ITEMS_DELETED}.
 */
public class NativeExportMapper
    extends Mapper<LongWritable, Text, NullWritable, DynamoDBItemWritable> {
  /** Whether the export is incremental; set by {@link NativeImportJob}. */
  static final String INCREMENTAL_KEY = "ddbio.import.native.incremental";

  private NativeLineFormat format;
  private final DynamoDBItemWritable write = new DynamoDBItemWritable();
  private boolean incremental;
  private String file;
  private Counter lines;
  private Counter bytes;
  private Counter items;

  @Override
  protected void setup(Context context) {
    incremental = context.getConfiguration().getBoolean(INCREMENTAL_KEY, false);
    format = NativeLineFormat.of(context.getConfiguration());
    file = ImportMapper.fileOf(context.getInputSplit());
    lines = context.getCounter(DdbioCounter.LINES_READ);
    bytes = context.getCounter(DdbioCounter.BYTES_READ);
    items = context.getCounter(DdbioCounter.ITEMS_READ);
  }

  @Override
  protected void map(LongWritable line, Text text, Context context)
      throws IOException, InterruptedException {
    lines.increment(1);
    bytes.increment(text.getLength());
    if (format.isBlank(text.getBytes(), 0, text.getLength())) {
      return;
    }
    ExportLine change;
    try {
      change = format.decode(text.getBytes(), 0, text.getLength());
    } catch (ItemFormatException e) {
      throw new IOException(where(line) + e.reason(), e);
    }
    boolean isItem = change.kind() == ExportLine.Kind.ITEM;
    if (isItem == incremental) {
      throw new IOException(
          where(line)
              + (incremental
                  ? "a full export's \"Item\" line in an incremental export"
                  : "an incremental export's change (\"Keys\") in a full export")
              + "; the data file does not belong to this export's manifest");
    }
    if (change.kind() == ExportLine.Kind.DELETE) {
      write.setDelete(change.keys());
    } else {
      write.set(change.item());
    }
    items.increment(1);
    try {
      context.write(NullWritable.get(), write);
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
}
