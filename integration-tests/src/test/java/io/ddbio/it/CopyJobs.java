package io.ddbio.it;

import io.ddbio.mapreduce.DynamoDBJobs;
import io.ddbio.testing.LineJobs;
import java.io.IOException;
import java.net.URI;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapreduce.Job;

/**
 * The two map-only jobs the integration tests run with the library's formats: a table to Data
 * Pipeline lines in files, and such files to a table ({@link LineJobs}), configured for the cluster
 * and with mappers that record where their tasks ran. Callers may change the returned job (mapper,
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
    LineJobs.tableToLines(job, ItemsToLines.class, out);
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
    LineJobs.linesToTable(job, LinesToItems.class, in);
    return job;
  }
}
