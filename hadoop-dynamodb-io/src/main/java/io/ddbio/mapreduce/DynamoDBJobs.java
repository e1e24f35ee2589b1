package io.ddbio.mapreduce;

import io.ddbio.config.DdbioKeys;
import org.apache.hadoop.conf.Configuration;

/** Wiring helpers for jobs that use the formats, so callers need not know key names. */
public final class DynamoDBJobs {
  private DynamoDBJobs() {}

  /**
   * Reads {@code table} with {@link DynamoDBInputFormat} at {@code readPercent} of its capacity.
   */
  public static void setInputTable(Configuration conf, String table, double readPercent) {
    conf.set(DdbioKeys.INPUT_TABLE.name(), table);
    conf.set(DdbioKeys.READ_PERCENT.name(), Double.toString(readPercent));
  }

  /** Writes {@code table} with {@link DynamoDBOutputFormat} at {@code writePercent}. */
  public static void setOutputTable(Configuration conf, String table, double writePercent) {
    conf.set(DdbioKeys.OUTPUT_TABLE.name(), table);
    conf.set(DdbioKeys.WRITE_PERCENT.name(), Double.toString(writePercent));
  }

  /** Talks to {@code endpoint} (e.g. DynamoDB Local) in {@code region}. */
  public static void setEndpoint(Configuration conf, String endpoint, String region) {
    conf.set(DdbioKeys.ENDPOINT.name(), endpoint);
    if (region != null) {
      conf.set(DdbioKeys.REGION.name(), region);
    }
  }
}
