package io.ddbio.retry;

import java.time.Duration;
import java.util.Optional;

/**
 * Decides what to retry and how long to wait, apart from the loop that retries ({@link Retrier}),
 * so the two can be tested and replaced separately. Implementations must be thread-safe.
 */
public interface RetryPolicy {

  /**
   * Classifies a failure.
   *
   * @param t what the call threw
   * @return the kind of failure; never null
   */
  FailureKind classify(Throwable t);

  /**
   * Returns how long to wait before the next attempt, or empty to give up.
   *
   * @param kind the kind of the latest failure
   * @param consecutiveFailures failures of this kind since the operation last made progress,
   *     counting the latest one (so at least 1)
   * @param sinceFirstFailure time from the first failure (of any kind) since the operation last
   *     made progress until now
   * @return the delay before retrying, or empty to give up
   */
  Optional<Duration> nextDelay(
      FailureKind kind, int consecutiveFailures, Duration sinceFirstFailure);
}
