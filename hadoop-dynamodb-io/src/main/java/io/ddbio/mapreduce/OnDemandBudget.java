package io.ddbio.mapreduce;

import io.ddbio.capacity.OnDemandRate;
import io.ddbio.config.DdbioKeys;
import io.ddbio.config.DdbioOptions;
import io.ddbio.dynamodb.DynamoDBSession;
import io.ddbio.dynamodb.TableInfo;
import io.ddbio.metrics.CounterSink;
import io.ddbio.retry.DynamoDBIOException;
import java.io.IOException;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import software.amazon.awssdk.services.dynamodb.model.DescribeLimitsResponse;

/**
 * Gives a job on an on-demand table a budget when none is given ({@link OnDemandRate}): sets the
 * explicit capacity ({@code dynamodb.throughput.read} or {@code .write}) so that the tasks share it
 * as they share any budget, and keeps the reason for the tool's plan and messages. Called by the
 * tools before the job is created; a library user may call it the same way.
 */
public final class OnDemandBudget {
  /** Why the read budget is what it is; set with the budget. Internal. */
  static final String READ_REASON = "ddbio.on.demand.read.reason";

  /** Why the write budget is what it is; set with the budget. Internal. */
  static final String WRITE_REASON = "ddbio.on.demand.write.reason";

  private OnDemandBudget() {}

  /**
   * For an on-demand {@code table} without explicit capacity in this direction, sets it in {@code
   * conf}. Calls DescribeLimits once (retries: throttling and transient faults); a refused call (a
   * role without {@code dynamodb:DescribeLimits}) assumes the default per-table limit.
   *
   * @param read whether the job reads the table (else it writes)
   * @param percent the job's share ({@code dynamodb.throughput.read.percent} or {@code .write})
   * @return the note to tell the user, why the job runs at the rate set ({@code Table "T" is on
   *     demand: …}); empty when nothing was set (a provisioned table, or capacity given)
   */
  public static Optional<String> resolve(
      Configuration conf, DdbioOptions options, TableInfo table, boolean read, double percent)
      throws IOException {
    String key = (read ? DdbioKeys.READ_UNITS : DdbioKeys.WRITE_UNITS).name();
    if (!table.onDemand() || conf.get(key) != null) {
      return Optional.empty();
    }
    Optional<Long> limit;
    try (DynamoDBSession session = DynamoDBSession.open(options, CounterSink.NONE)) {
      limit = accountTableLimit(session, read);
    }
    OnDemandRate rate = OnDemandRate.of(table.description(), read, limit);
    String reason = rate.describe(percent);
    conf.set(key, Double.toString(rate.budgetUnits()));
    conf.set(read ? READ_REASON : WRITE_REASON, reason);
    return Optional.of("Table \"" + table.name() + "\" is " + reason + ".");
  }

  /** Why {@link #resolve} set the budget it set, if it set one in {@code conf}. */
  public static Optional<String> reason(Configuration conf, boolean read) {
    return Optional.ofNullable(conf.get(read ? READ_REASON : WRITE_REASON));
  }

  private static Optional<Long> accountTableLimit(DynamoDBSession session, boolean read)
      throws IOException {
    DescribeLimitsResponse limits;
    try {
      limits = session.retrier().call("DescribeLimits", () -> session.client().describeLimits());
    } catch (DynamoDBIOException e) {
      if (e.refusedByService()) {
        return Optional.empty();
      }
      throw e;
    }
    return Optional.ofNullable(
        read ? limits.tableMaxReadCapacityUnits() : limits.tableMaxWriteCapacityUnits());
  }
}
