package io.ddbio.metrics;

import io.ddbio.retry.FailureKind;
import io.ddbio.retry.RetryListener;
import java.time.Duration;

/**
 * Counts failed requests and retries as {@link DdbioCounter} says: every request answered with
 * throttling (retried or the last one), and every retry after a transient fault. A pause for items
 * a BatchWriteItem left unprocessed is neither: that request succeeded, and its items are counted
 * by the writer as {@link DdbioCounter#UNPROCESSED_ITEMS_RETRIED} when sent again.
 */
public final class RetryCounters implements RetryListener {
  private final CounterSink counters;

  public RetryCounters(CounterSink counters) {
    this.counters = counters;
  }

  @Override
  public void onFailedAttempt(String operation, FailureKind kind, Throwable cause) {
    if (kind == FailureKind.THROTTLED) {
      counters.add(DdbioCounter.THROTTLED_REQUESTS, 1);
    }
  }

  @Override
  public void onRetry(
      String operation, FailureKind kind, int attempt, Duration delay, Throwable cause) {
    // A null cause is a pause after a partial success, not a request that failed.
    if (kind == FailureKind.TRANSIENT && cause != null) {
      counters.add(DdbioCounter.TRANSIENT_RETRIES, 1);
    }
  }
}
