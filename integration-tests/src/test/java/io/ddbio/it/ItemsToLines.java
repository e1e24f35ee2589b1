package io.ddbio.it;

import io.ddbio.item.DataPipelineCodec;
import io.ddbio.mapreduce.DynamoDBItemWritable;
import java.io.IOException;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Mapper;

/** Writes each item read by {@code DynamoDBInputFormat} as one Data Pipeline line. */
public class ItemsToLines extends Mapper<NullWritable, DynamoDBItemWritable, Text, NullWritable> {
  private final DataPipelineCodec codec = new DataPipelineCodec();
  private final Text line = new Text();

  @Override
  protected void setup(Context context) {
    TaskPlacement.record(context);
  }

  @Override
  protected void map(NullWritable key, DynamoDBItemWritable value, Context context)
      throws IOException, InterruptedException {
    line.set(codec.encode(value.get()));
    context.write(line, NullWritable.get());
  }
}
