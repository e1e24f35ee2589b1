package io.ddbio.importer.job;

import io.ddbio.importer.check.ItemCheck;
import io.ddbio.importer.check.StoredChecksum;
import io.ddbio.importer.lines.BackupLineDecoder;
import io.ddbio.importer.reject.BadRecords;
import io.ddbio.item.DataPipelineCodec;
import io.ddbio.item.ItemFormatException;
import io.ddbio.mapreduce.DynamoDBItemWritable;
import io.ddbio.mapreduce.DynamoDBOutputFormat;
import io.ddbio.write.InvalidItemException;
import java.io.IOException;
import java.util.Map;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.lib.input.FileSplit;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Turns numbered lines of a data file into items for {@link DynamoDBOutputFormat}: Data Pipeline v3
 * lines and the older {@code 0x02}/{@code 0x03} lines alike, and native export item lines found
 * without their manifests ({@link BackupLineDecoder}); blank lines are skipped.
 *
 * <p>A bad record (a line that is not an item, or an item DynamoDB would refuse: no key, a key of
 * the wrong type, nested deeper than 32 levels, over 400 KB) is found before it reaches the writer,
 * so it is never written. By default it fails the task with {@code <file>:<line>: <reason>}: an
 * import that skips what it cannot read is not a restore. With {@code dynamodb.max.bad.records} it
 * is set aside instead ({@link BadRecords}). Counts {@code LINES_READ}, {@code BYTES_READ} (line
 * bytes), {@code ITEMS_READ} (items handed to the writer) and {@code BAD_RECORDS}; the writer
 * counts {@code ITEMS_WRITTEN}.
 */
public class ImportMapper extends DataFileMapper {
  private final BackupLineDecoder codec = new BackupLineDecoder();
  private final DynamoDBItemWritable item = new DynamoDBItemWritable();
  private ItemCheck check;
  private BadRecords bad;

  @Override
  protected void setup(Context context) throws IOException {
    super.setup(context);
    StoredChecksum.verify(
        ((FileSplit) context.getInputSplit()).getPath(),
        context.getConfiguration(),
        context::progress);
    check = ItemCheck.from(context.getConfiguration());
    bad = BadRecords.forTask(context, file());
  }

  @Override
  protected DynamoDBItemWritable toWrite(LongWritable line, Text text) throws IOException {
    if (DataPipelineCodec.isBlank(text.getBytes(), 0, text.getLength())) {
      return null;
    }
    Map<String, AttributeValue> decoded;
    try {
      decoded = codec.decode(text.getBytes(), 0, text.getLength());
    } catch (ItemFormatException e) {
      bad.setAside(line.get(), text, e.reason(), e);
      return null;
    }
    long size;
    try {
      size = check.check(decoded);
    } catch (InvalidItemException e) {
      bad.setAside(line.get(), text, e.getMessage(), e);
      return null;
    }
    item.set(decoded, size);
    return item;
  }

  @Override
  protected void cleanup(Context context) throws IOException {
    if (bad != null) {
      bad.close();
    }
  }
}
