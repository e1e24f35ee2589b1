package io.ddbio.it;

import io.ddbio.mapreduce.DynamoDBInputFormat;
import io.ddbio.mapreduce.DynamoDBItemWritable;
import io.ddbio.mapreduce.DynamoDBJobs;
import io.ddbio.mapreduce.DynamoDBOutputFormat;
import java.io.IOException;
import java.net.URI;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.hadoop.mapreduce.lib.input.TextInputFormat;
import org.apache.hadoop.mapreduce.lib.output.FileOutputFormat;
import org.apache.hadoop.mapreduce.lib.output.TextOutputFormat;

/**
 * The two map-only jobs the integration tests run with the library's formats: a table to Data
 * Pipeline lines in files, and such files to a table. Callers may change the returned job (mapper,
 * compression) before submitting it.
 */
public final class CopyJobs {
  /** Read and write rates high enough that the library's budget never slows a test down. */
  private static final double UNLIMITED_UNITS = 100_000;

  private CopyJobs() {}

  /**
   * A job reading {@code table} through {@code DynamoDBInputFormat} in {@code segments} segments,
   * one split per segment, and writing one line per item under {@code out} with {@code
   * TextOutputFormat} ({@code part-m-NNNNN} files).
   *
   * @param conf the cluster's configuration; copied
   * @param dynamoDb the DynamoDB endpoint, e.g. DynamoDB Local's
   */
  public static Job tableToLines(
      Configuration conf, URI dynamoDb, String table, int segments, Path out) throws IOException {
    Configuration c = new Configuration(conf);
    DynamoDBJobs.setInputTable(c, table, 1.0);
    DynamoDBJobs.setEndpoint(c, dynamoDb.toString(), "us-east-1");
    c.setInt("dynamodb.scan.segments", segments);
    c.setInt("dynamodb.max.map.tasks", segments);
    c.setDouble("dynamodb.throughput.read", UNLIMITED_UNITS);
    TaskPlacement.markClient(c);

    Job job = Job.getInstance(c, "table " + table + " to " + out);
    job.setInputFormatClass(DynamoDBInputFormat.class);
    job.setMapperClass(ItemsToLines.class);
    job.setNumReduceTasks(0);
    job.setOutputKeyClass(Text.class);
    job.setOutputValueClass(NullWritable.class);
    job.setOutputFormatClass(TextOutputFormat.class);
    FileOutputFormat.setOutputPath(job, out);
    return job;
  }

  /**
   * A job reading the lines of the files under {@code in} with {@code TextInputFormat} (compressed
   * files are decompressed by their extension) and writing the items to {@code table} through
   * {@code DynamoDBOutputFormat}.
   *
   * @param conf the cluster's configuration; copied
   * @param dynamoDb the DynamoDB endpoint
   */
  public static Job linesToTable(Configuration conf, URI dynamoDb, Path in, String table)
      throws IOException {
    Configuration c = new Configuration(conf);
    DynamoDBJobs.setOutputTable(c, table, 1.0);
    DynamoDBJobs.setEndpoint(c, dynamoDb.toString(), "us-east-1");
    c.setDouble("dynamodb.throughput.write", UNLIMITED_UNITS);
    TaskPlacement.markClient(c);

    Job job = Job.getInstance(c, in + " to table " + table);
    job.setInputFormatClass(TextInputFormat.class);
    FileInputFormat.addInputPath(job, in);
    job.setMapperClass(LinesToItems.class);
    job.setNumReduceTasks(0);
    job.setOutputKeyClass(NullWritable.class);
    job.setOutputValueClass(DynamoDBItemWritable.class);
    job.setOutputFormatClass(DynamoDBOutputFormat.class);
    return job;
  }
}
