package io.ddbio.importer.job;

import io.ddbio.importer.lines.NativeLineFormat;
import io.ddbio.item.ExportLine;
import io.ddbio.item.ItemFormatException;
import io.ddbio.mapreduce.DynamoDBItemWritable;
import io.ddbio.mapreduce.DynamoDBOutputFormat;
import java.io.IOException;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;

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
public class NativeExportMapper extends DataFileMapper {
  /** Whether the export is incremental; set by {@link NativeExportSource}. */
  static final String INCREMENTAL_KEY = "ddbio.import.native.incremental";

  private NativeLineFormat format;
  private final DynamoDBItemWritable write = new DynamoDBItemWritable();
  private boolean incremental;

  @Override
  protected void setup(Context context) throws IOException {
    incremental = context.getConfiguration().getBoolean(INCREMENTAL_KEY, false);
    format = NativeLineFormat.of(context.getConfiguration());
    super.setup(context);
  }

  @Override
  protected DynamoDBItemWritable toWrite(LongWritable line, Text text) throws IOException {
    if (format.isBlank(text.getBytes(), 0, text.getLength())) {
      return null;
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
    return write;
  }
}
