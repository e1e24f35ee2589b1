package io.ddbio.bench.e2e;

import io.ddbio.item.DataPipelineCodec;
import io.ddbio.mapreduce.DynamoDBItemWritable;
import java.io.IOException;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Mapper;

/** The import's map: each Data Pipeline line becomes one item to write. Blank lines are skipped. */
public final class LinesToItemsMapper
    extends Mapper<LongWritable, Text, NullWritable, DynamoDBItemWritable> {
  private final DataPipelineCodec codec = new DataPipelineCodec();
  private final DynamoDBItemWritable item = new DynamoDBItemWritable();

  @Override
  protected void map(LongWritable offset, Text line, Context context)
      throws IOException, InterruptedException {
    if (DataPipelineCodec.isBlank(line.getBytes(), 0, line.getLength())) {
      return;
    }
    item.set(codec.decode(line.getBytes(), 0, line.getLength()));
    context.write(NullWritable.get(), item);
  }
}
