package io.ddbio.metrics;

import io.ddbio.retry.FailureKind;
import io.ddbio.retry.RetryListener;
import java.time.Duration;

/** Counts each retry in the counter of its kind of failure. */
public final class RetryCounters implements RetryListener {
  private final CounterSink counters;

  public RetryCounters(CounterSink counters) {
    this.counters = counters;
  }

  @Override
  public void onRetry(
      String operation, FailureKind kind, int attempt, Duration delay, Throwable cause) {
    switch (kind) {
      case THROTTLED -> counters.add(DdbioCounter.THROTTLED_REQUESTS, 1);
      case TRANSIENT -> counters.add(DdbioCounter.TRANSIENT_RETRIES, 1);
      case FATAL -> {
        // Not retried, so not counted here: the failure itself ends the task.
      }
    }
  }
}
