package io.ddbio.export;

import io.ddbio.export.commit.ExportCommitter;
import io.ddbio.export.commit.ReadSegments;
import io.ddbio.export.commit.TaskStatsFiles;
import io.ddbio.export.layout.ExportFormat;
import io.ddbio.item.Expiry;
import io.ddbio.mapreduce.DynamoDBItemWritable;
import io.ddbio.mapreduce.DynamoDBSplit;
import io.ddbio.mapreduce.ExpiryConf;
import io.ddbio.metrics.DdbioCounter;
import java.io.IOException;
import java.time.Instant;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.DataOutputBuffer;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Counter;
import org.apache.hadoop.mapreduce.Mapper;

/**
 * Turns each scanned item into one line of the export's {@link ExportFormat} (without its {@code
 * \n}, which the record writer adds): a Data Pipeline line, or a native <code>{"Item":{…}}</code>
 * line. The line is encoded into a reused buffer first, so an item the codec refuses fails the task
 * without leaving half a line in a file.
 *
 * <p>With {@code --skip-expired} ({@link ExpiryConf}) an item whose time to live has expired is
 * left out and counted in {@link DdbioCounter#ITEMS_EXPIRED}.
 *
 * <p>Counts {@link DdbioCounter#BYTES_READ}: the line form of every item written. {@code
 * ITEMS_READ} belongs to the record reader and {@code BYTES_WRITTEN} to the record writer.
 *
 * <p>Once the split's segments are read to their end, it leaves them pending for the task commit
 * ({@link ReadSegments}): a committed task's segments are the ones a resumed export does not read
 * again. An attempt that fails leaves none.
 */
public class ExportMapper extends Mapper<NullWritable, DynamoDBItemWritable, NullWritable, Text> {
  private ExportFormat.LineEncoder encoder;
  private final DataOutputBuffer buffer = new DataOutputBuffer(4096);
  private final Text line = new Text();
  private Counter bytesRead;
  private Counter expired;
  private Expiry expiry;

  @Override
  public void run(Context context) throws IOException, InterruptedException {
    Instant readFrom = Instant.now();
    setup(context);
    while (context.nextKeyValue()) {
      map(context.getCurrentKey(), context.getCurrentValue(), context);
    }
    cleanup(context);
    // Not in a finally, as Mapper.run has it: segments whose scan stopped half-way are not read.
    if (context.getInputSplit() instanceof DynamoDBSplit split) {
      Path out = ((ExportCommitter) context.getOutputCommitter()).getOutputPath();
      TaskStatsFiles.writeSegments(
          out.getFileSystem(context.getConfiguration()),
          out,
          context.getTaskAttemptID(),
          new ReadSegments(
              ExportJobConf.run(context.getConfiguration()),
              split.firstSegment(),
              split.segmentCount(),
              readFrom.toString(),
              Instant.now().toString()));
    }
  }

  @Override
  protected void setup(Context context) {
    bytesRead = context.getCounter(DdbioCounter.BYTES_READ);
    expired = context.getCounter(DdbioCounter.ITEMS_EXPIRED);
    expiry = ExpiryConf.get(context.getConfiguration()).orElse(null);
    encoder = ExportJobConf.format(context.getConfiguration()).newEncoder();
  }

  @Override
  protected void map(NullWritable key, DynamoDBItemWritable value, Context context)
      throws IOException, InterruptedException {
    if (expiry != null && expiry.expired(value.get())) {
      expired.increment(1);
      return;
    }
    buffer.reset();
    encoder.encode(value.get(), buffer);
    // Text keeps its array when the new line fits, so steady state allocates nothing here.
    line.set(buffer.getData(), 0, buffer.getLength());
    bytesRead.increment(buffer.getLength());
    context.write(NullWritable.get(), line);
  }
}
