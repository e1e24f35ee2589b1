package io.ddbio.bench.e2e;

import io.ddbio.item.DataPipelineCodec;
import io.ddbio.mapreduce.DynamoDBItemWritable;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Mapper;

/** The export's map: each scanned item becomes one Data Pipeline line. */
public final class ItemsToLinesMapper
    extends Mapper<NullWritable, DynamoDBItemWritable, Text, NullWritable> {
  private final DataPipelineCodec codec = new DataPipelineCodec();
  private final LineBuffer buffer = new LineBuffer();
  private final Text line = new Text();

  @Override
  protected void map(NullWritable key, DynamoDBItemWritable value, Context context)
      throws IOException, InterruptedException {
    // One reused buffer, so a line costs no array of its own before Text copies it.
    buffer.reset();
    codec.encode(value.get(), buffer);
    line.set(buffer.array(), 0, buffer.size());
    context.write(line, NullWritable.get());
  }

  /** A byte stream whose array can be read in place. */
  private static final class LineBuffer extends ByteArrayOutputStream {
    LineBuffer() {
      super(4096);
    }

    byte[] array() {
      return buf;
    }
  }
}
