package io.ddbio.mapreduce;

import io.ddbio.config.DdbioKeys;
import io.ddbio.config.DdbioOptions;
import io.ddbio.config.ScanOptions;
import io.ddbio.dynamodb.DynamoDBSession;
import io.ddbio.dynamodb.TableInfo;
import io.ddbio.metrics.CounterSink;
import io.ddbio.scan.ScanPlanner;
import io.ddbio.scan.SegmentSet;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.mapreduce.InputFormat;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.JobContext;
import org.apache.hadoop.mapreduce.RecordReader;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a DynamoDB table with a parallel scan: each split is a range of scan segments.
 *
 * <p>Set {@code dynamodb.input.tableName} (and usually {@code dynamodb.region}); see {@code
 * docs/CONFIGURATION.md} for the rest. Keys are {@link NullWritable}: the item holds its own key.
 * Works from any MapReduce job and from Spark's {@code newAPIHadoopRDD}.
 */
public class DynamoDBInputFormat extends InputFormat<NullWritable, DynamoDBItemWritable> {
  private static final Logger LOG = LoggerFactory.getLogger(DynamoDBInputFormat.class);

  /** Calls DescribeTable once and plans segments and splits (see {@link ScanPlanner}). */
  @Override
  public List<InputSplit> getSplits(JobContext context) throws IOException {
    Configuration conf = context.getConfiguration();
    DdbioOptions options = HadoopOptions.from(conf);
    ScanOptions scan = options.scan();
    TableInfo table;
    try (DynamoDBSession session = DynamoDBSession.open(options, CounterSink.NONE)) {
      table = TableInfo.describe(session.client(), session.retrier(), scan.table());
    }
    int slots = ClusterSlots.mapSlots(conf);
    SegmentSet done;
    List<ScanPlanner.SplitPlan> plans;
    try {
      done = SegmentSet.parse(DdbioKeys.SCAN_SEGMENTS_DONE.read(conf::get));
      plans = ScanPlanner.plan(table, scan, slots, done);
    } catch (IllegalArgumentException e) {
      throw new IOException(DdbioKeys.SCAN_SEGMENTS_DONE.name() + ": " + e.getMessage(), e);
    }
    List<InputSplit> splits = new ArrayList<>(plans.size());
    for (ScanPlanner.SplitPlan p : plans) {
      splits.add(new DynamoDBSplit(p));
    }
    if (plans.isEmpty()) {
      LOG.info("Table {}: every segment was read already ({}); no splits", table.name(), done);
      return splits;
    }
    LOG.info(
        "Table {}: ~{} items, ~{} bytes; {} segments in {} splits{}, {} read units/s per task"
            + " (cluster map slots: {})",
        table.name(),
        table.itemCount(),
        table.sizeBytes(),
        plans.get(0).totalSegments(),
        plans.size(),
        done.isEmpty() ? "" : " (" + done.size() + " segments read already left out)",
        String.format("%.1f", plans.get(0).readUnitsPerSecond()),
        slots == 0 ? "unknown" : slots);
    return splits;
  }

  @Override
  public RecordReader<NullWritable, DynamoDBItemWritable> createRecordReader(
      InputSplit split, TaskAttemptContext context) {
    return new DynamoDBRecordReader();
  }
}
