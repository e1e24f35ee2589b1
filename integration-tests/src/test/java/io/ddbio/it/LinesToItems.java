package io.ddbio.it;

import io.ddbio.item.DataPipelineCodec;
import io.ddbio.mapreduce.DynamoDBItemWritable;
import java.io.IOException;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Mapper;

/** Decodes each Data Pipeline line into an item for {@code DynamoDBOutputFormat}. */
public class LinesToItems extends Mapper<LongWritable, Text, NullWritable, DynamoDBItemWritable> {
  private final DataPipelineCodec codec = new DataPipelineCodec();
  private final DynamoDBItemWritable item = new DynamoDBItemWritable();

  @Override
  protected void setup(Context context) {
    TaskPlacement.record(context);
  }

  @Override
  protected void map(LongWritable offset, Text line, Context context)
      throws IOException, InterruptedException {
    item.set(codec.decode(line.getBytes(), 0, line.getLength()));
    context.write(NullWritable.get(), item);
  }
}
