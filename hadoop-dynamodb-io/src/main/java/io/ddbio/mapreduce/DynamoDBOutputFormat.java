package io.ddbio.mapreduce;

import io.ddbio.capacity.CapacityBudget;
import io.ddbio.capacity.TaskRates;
import io.ddbio.config.DdbioKeys;
import io.ddbio.config.DdbioOptions;
import io.ddbio.config.WriteOptions;
import io.ddbio.dynamodb.DynamoDBSession;
import io.ddbio.dynamodb.TableInfo;
import io.ddbio.metrics.CounterSink;
import io.ddbio.write.BatchSender;
import io.ddbio.write.ItemKeys;
import io.ddbio.write.TableWriter;
import java.io.Closeable;
import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.mapreduce.JobContext;
import org.apache.hadoop.mapreduce.OutputCommitter;
import org.apache.hadoop.mapreduce.OutputFormat;
import org.apache.hadoop.mapreduce.RecordWriter;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes items to a DynamoDB table with rate-limited {@code BatchWriteItem}s. An item whose key
 * exists replaces it. Keys are ignored: the item holds its own key.
 *
 * <p>Set {@code dynamodb.output.tableName}; see {@code docs/CONFIGURATION.md} for the rest.
 */
public class DynamoDBOutputFormat<K> extends OutputFormat<K, DynamoDBItemWritable> {
  private static final Logger LOG = LoggerFactory.getLogger(DynamoDBOutputFormat.class);

  /**
   * How many of the job's tasks the job expects to write at once: a plan set by the job that
   * submits, not a user setting (that is {@code dynamodb.concurrent.tasks}, which also stops the
   * sharing). Each task starts at its share for that many and then shares the budget with the tasks
   * actually running.
   */
  static final String PLANNED_TASKS = "ddbio.output.planned.tasks";

  /**
   * Records how many tasks the job expects to write at once, e.g. its splits or the cluster's map
   * slots if fewer. Without it each task starts as if all the job's map tasks ran at once, which
   * under-uses the budget until the tasks have counted each other.
   */
  public static void setPlannedTasks(Configuration conf, int tasks) {
    if (tasks < 1) {
      throw new IllegalArgumentException("planned tasks must be at least 1, was " + tasks);
    }
    conf.setInt(PLANNED_TASKS, tasks);
  }

  /** Fails before any task starts when the table is unnamed, missing, or its budget unknown. */
  @Override
  public void checkOutputSpecs(JobContext context) throws IOException {
    DdbioOptions options = HadoopOptions.from(context.getConfiguration());
    WriteOptions write = options.write();
    try (DynamoDBSession session = DynamoDBSession.open(options, CounterSink.NONE)) {
      TableInfo table = TableInfo.describe(session.client(), session.retrier(), write.table());
      TaskRates.tableUnits(
          table, table.writeUnits(), write.throughput(), DdbioKeys.WRITE_UNITS.name());
    }
  }

  @Override
  public RecordWriter<K, DynamoDBItemWritable> getRecordWriter(TaskAttemptContext context)
      throws IOException {
    Configuration conf = context.getConfiguration();
    DdbioOptions options = HadoopOptions.from(conf);
    WriteOptions write = options.write();
    CounterSink counters = new HadoopCounters(context);
    DynamoDBSession session = DynamoDBSession.open(options, counters, context::progress);
    try {
      TableInfo table = TableInfo.describe(session.client(), session.retrier(), write.table());
      double tableUnits =
          TaskRates.tableUnits(
              table, table.writeUnits(), write.throughput(), DdbioKeys.WRITE_UNITS.name());
      // Without a plan from the job, assume every map task runs at once: that can under-use the
      // budget but never exceed it.
      int concurrent =
          write
              .throughput()
              .concurrentTasks()
              .orElse(
                  Math.max(1, conf.getInt(PLANNED_TASKS, conf.getInt("mapreduce.job.maps", 1))));
      double rate = TaskRates.perTask(tableUnits, write.throughput(), concurrent);
      LOG.debug(
          "Writing to table {} at {} write units/s ({} tasks share {} x {})",
          table.name(),
          String.format("%.1f", rate),
          concurrent,
          tableUnits,
          write.throughput().percent());
      // Empty at first: a batch costs what it costs, so a writer ends in debt that nobody repays,
      // and a task taking over from it with a full budget would add a burst on top.
      CapacityBudget budget =
          CapacityBudget.empty(
              rate, DynamoDBRecordReader.BURST, session.clock(), session.sleeper());
      BatchSender sender =
          new BatchSender(
              session.client(), session.retrier(), budget, counters, session.clock(), table.id());
      TableWriter writer =
          new TableWriter(sender, new ItemKeys(table.id(), table.keys()), table.id());
      Closeable sharing =
          BudgetSharing.start(
              context,
              options,
              write.throughput(),
              budget,
              BudgetSharing.Direction.WRITE,
              table.id(),
              tableUnits,
              session);
      return new DynamoDBRecordWriter<>(session, writer, sharing);
    } catch (IOException | RuntimeException e) {
      session.close();
      throw e;
    }
  }

  /** Nothing to commit: items are in the table once the writer has flushed. */
  @Override
  public OutputCommitter getOutputCommitter(TaskAttemptContext context) {
    return new DirectWriteCommitter();
  }
}
