package io.ddbio.export;

import io.ddbio.export.layout.ExportFormat;
import io.ddbio.mapreduce.DynamoDBItemWritable;
import io.ddbio.metrics.DdbioCounter;
import java.io.IOException;
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
 * <p>Counts {@link DdbioCounter#BYTES_READ}: the line form of every item read. {@code ITEMS_READ}
 * belongs to the record reader and {@code BYTES_WRITTEN} to the record writer.
 */
public class ExportMapper extends Mapper<NullWritable, DynamoDBItemWritable, NullWritable, Text> {
  private ExportFormat.LineEncoder encoder;
  private final DataOutputBuffer buffer = new DataOutputBuffer(4096);
  private final Text line = new Text();
  private Counter bytesRead;

  @Override
  protected void setup(Context context) {
    bytesRead = context.getCounter(DdbioCounter.BYTES_READ);
    encoder = ExportJobConf.format(context.getConfiguration()).newEncoder();
  }

  @Override
  protected void map(NullWritable key, DynamoDBItemWritable value, Context context)
      throws IOException, InterruptedException {
    buffer.reset();
    encoder.encode(value.get(), buffer);
    // Text keeps its array when the new line fits, so steady state allocates nothing here.
    line.set(buffer.getData(), 0, buffer.getLength());
    bytesRead.increment(buffer.getLength());
    context.write(NullWritable.get(), line);
  }
}
