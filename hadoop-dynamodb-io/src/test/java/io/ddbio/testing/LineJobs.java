package io.ddbio.testing;

import io.ddbio.item.DataPipelineCodec;
import io.ddbio.mapreduce.DynamoDBInputFormat;
import io.ddbio.mapreduce.DynamoDBItemWritable;
import io.ddbio.mapreduce.DynamoDBOutputFormat;
import java.io.IOException;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.Mapper;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.hadoop.mapreduce.lib.input.TextInputFormat;
import org.apache.hadoop.mapreduce.lib.output.FileOutputFormat;
import org.apache.hadoop.mapreduce.lib.output.TextOutputFormat;

/**
 * The two map-only jobs between a table and Data Pipeline lines in text files, through the
 * library's formats: the library's own ITs run them on LocalJobRunner, the integration tests on a
 * cluster. Each method sets up a job's formats, mapper and types; the caller gives the job its
 * configuration (table, endpoint, rates) and may pass a mapper of its own that extends ours.
 */
public final class LineJobs {
  private LineJobs() {}

  /** Writes each item read by {@code DynamoDBInputFormat} as one Data Pipeline line. */
  public static class ItemsToLines
      extends Mapper<NullWritable, DynamoDBItemWritable, Text, NullWritable> {
    private final DataPipelineCodec codec = new DataPipelineCodec();
    private final Text line = new Text();

    @Override
    protected void map(NullWritable key, DynamoDBItemWritable value, Context context)
        throws IOException, InterruptedException {
      line.set(codec.encode(value.get()));
      context.write(line, NullWritable.get());
    }
  }

  /** Decodes each Data Pipeline line into an item for {@code DynamoDBOutputFormat}. */
  public static class LinesToItems
      extends Mapper<LongWritable, Text, NullWritable, DynamoDBItemWritable> {
    private final DataPipelineCodec codec = new DataPipelineCodec();
    private final DynamoDBItemWritable item = new DynamoDBItemWritable();

    @Override
    protected void map(LongWritable offset, Text line, Context context)
        throws IOException, InterruptedException {
      item.set(codec.decode(line.getBytes(), 0, line.getLength()));
      context.write(NullWritable.get(), item);
    }
  }

  /**
   * Has {@code job} read its table through {@code DynamoDBInputFormat} and write one line per item
   * under {@code out} with {@code TextOutputFormat} ({@code part-m-NNNNN} files), with no reduces.
   */
  public static void tableToLines(Job job, Class<? extends ItemsToLines> mapper, Path out) {
    job.setInputFormatClass(DynamoDBInputFormat.class);
    job.setMapperClass(mapper);
    job.setNumReduceTasks(0);
    job.setOutputKeyClass(Text.class);
    job.setOutputValueClass(NullWritable.class);
    job.setOutputFormatClass(TextOutputFormat.class);
    FileOutputFormat.setOutputPath(job, out);
  }

  /**
   * Has {@code job} read the lines of the files under {@code in} with {@code TextInputFormat}
   * (compressed files are decompressed by their extension) and write the items to its table through
   * {@code DynamoDBOutputFormat}, with no reduces.
   */
  public static void linesToTable(Job job, Class<? extends LinesToItems> mapper, Path in)
      throws IOException {
    job.setInputFormatClass(TextInputFormat.class);
    FileInputFormat.addInputPath(job, in);
    job.setMapperClass(mapper);
    job.setNumReduceTasks(0);
    job.setOutputKeyClass(NullWritable.class);
    job.setOutputValueClass(DynamoDBItemWritable.class);
    job.setOutputFormatClass(DynamoDBOutputFormat.class);
  }
}
