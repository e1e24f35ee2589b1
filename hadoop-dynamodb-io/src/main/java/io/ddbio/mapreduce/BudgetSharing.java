package io.ddbio.mapreduce;

import io.ddbio.capacity.BudgetCoordinator;
import io.ddbio.capacity.CapacityBudget;
import io.ddbio.capacity.TaskRates;
import io.ddbio.config.DdbioKeys;
import io.ddbio.config.DdbioOptions;
import io.ddbio.config.ThroughputOptions;
import io.ddbio.dynamodb.DynamoDBSession;
import io.ddbio.dynamodb.TableInfo;
import io.ddbio.retry.Retrier;
import io.ddbio.retry.RetryListener;
import io.ddbio.retry.Sleeper;
import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.ChecksumFileSystem;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts a {@link BudgetCoordinator} for one task, so running tasks share the job's budget (see
 * there). Off when the user fixed {@code dynamodb.concurrent.tasks}, when the share interval is 0,
 * and outside a MapReduce job (no staging directory, e.g. Spark): the task then keeps the share it
 * was planned with.
 */
final class BudgetSharing {
  private static final Logger LOG = LoggerFactory.getLogger(BudgetSharing.class);
  private static final Closeable STATIC = () -> {};

  /** Which budget of the job: reads and writes are shared separately. */
  enum Direction {
    READ,
    WRITE
  }

  private BudgetSharing() {}

  static Closeable start(
      TaskAttemptContext context,
      DdbioOptions options,
      ThroughputOptions throughput,
      CapacityBudget budget,
      Direction direction,
      String table,
      double plannedTableUnits,
      DynamoDBSession session)
      throws IOException {
    Configuration conf = context.getConfiguration();
    Duration interval = DdbioKeys.SHARE_INTERVAL.read(conf::get);
    String jobDir = conf.get("mapreduce.job.dir");
    if (throughput.concurrentTasks().isPresent() || interval.isZero() || jobDir == null) {
      return STATIC;
    }
    Path dir = new Path(jobDir, "ddbio-budget/" + direction.name().toLowerCase(Locale.ROOT));
    FileSystem fs = dir.getFileSystem(conf);
    if (fs instanceof ChecksumFileSystem checksummed) {
      // Peers read these files while others rewrite them; a checksum file caught half rewritten
      // reads as corrupt and fills the task logs with warnings. A few bytes need no checksum.
      fs = checksummed.getRawFileSystem();
    }
    FileSystemPeerRegistry registry = new FileSystemPeerRegistry(fs, dir);
    // Its own retrier: the task's counters are not meant for another thread. And its own sleeper:
    // the session's reports progress while it waits, and this background thread retrying must not
    // keep a task whose own work is stuck looking alive.
    Retrier retrier =
        new Retrier(
            DynamoDBSession.policy(options.retry()),
            session.clock(),
            Sleeper.system(),
            RetryListener.NONE);
    String unitsKey =
        direction == Direction.READ ? DdbioKeys.READ_UNITS.name() : DdbioKeys.WRITE_UNITS.name();
    BudgetCoordinator coordinator =
        new BudgetCoordinator(
            context.getTaskAttemptID().toString(),
            registry,
            budget,
            throughput.percent(),
            plannedTableUnits,
            () -> {
              TableInfo t = TableInfo.describe(session.client(), retrier, table);
              long provisioned = direction == Direction.READ ? t.readUnits() : t.writeUnits();
              return TaskRates.tableUnits(t, provisioned, throughput, unitsKey);
            },
            interval,
            DdbioKeys.CAPACITY_REFRESH.read(conf::get));
    coordinator.tick();
    ScheduledExecutorService timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "ddbio-budget-" + direction.name().toLowerCase(Locale.ROOT));
              t.setDaemon(true);
              return t;
            });
    timer.scheduleWithFixedDelay(
        coordinator::tick, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    LOG.debug("Sharing the {} budget of {} through {}", direction, table, dir);
    return () -> {
      timer.shutdownNow();
      coordinator.close();
    };
  }
}
