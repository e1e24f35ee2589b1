package io.ddbio.dynamodb;

import io.ddbio.config.DdbioOptions;
import io.ddbio.config.RetryOptions;
import io.ddbio.metrics.CounterSink;
import io.ddbio.metrics.RetryCounters;
import io.ddbio.retry.Clock;
import io.ddbio.retry.DynamoDBRetryPolicy;
import io.ddbio.retry.HeartbeatSleeper;
import io.ddbio.retry.Retrier;
import io.ddbio.retry.Sleeper;
import java.io.Closeable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * What one task needs to talk to DynamoDB: a client, the one retry loop that wraps every call, and
 * the clock and sleeper both use. Closing it closes the client.
 *
 * @param client the SDK client, its own retries off
 * @param retrier retries every call, reporting retries to the task's counters
 * @param clock the clock of the retrier and the budgets
 * @param sleeper the sleeper of the retrier and the budgets
 */
public record DynamoDBSession(DynamoDbClient client, Retrier retrier, Clock clock, Sleeper sleeper)
    implements Closeable {

  /** Opens a session on the real clock; makes no network call. */
  public static DynamoDBSession open(DdbioOptions options, CounterSink counters) {
    return open(options, counters, Sleeper.system());
  }

  /**
   * Opens a task's session: every wait in it (backoff, capacity budget) calls {@code heartbeat} at
   * least every {@link HeartbeatSleeper#DEFAULT_SLICE}, so that a task waiting out throttling is
   * not taken for a hung one. Makes no network call.
   *
   * @param heartbeat reports the task's progress; called from whichever thread waits
   */
  public static DynamoDBSession open(
      DdbioOptions options, CounterSink counters, Runnable heartbeat) {
    return open(
        options,
        counters,
        new HeartbeatSleeper(Sleeper.system(), heartbeat, HeartbeatSleeper.DEFAULT_SLICE));
  }

  private static DynamoDBSession open(DdbioOptions options, CounterSink counters, Sleeper sleeper) {
    Clock clock = Clock.system();
    return new DynamoDBSession(
        DynamoDBClientFactory.create(options.client()),
        new Retrier(policy(options.retry()), clock, sleeper, new RetryCounters(counters)),
        clock,
        sleeper);
  }

  /** The retry policy the options ask for. */
  public static DynamoDBRetryPolicy policy(RetryOptions retry) {
    return DynamoDBRetryPolicy.builder()
        .throttleTimeLimit(retry.throttleMaxDuration())
        .transientMaxAttempts(retry.transientMaxAttempts())
        .build();
  }

  @Override
  public void close() {
    client.close();
  }
}
