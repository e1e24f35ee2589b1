package io.ddbio.retry;

import java.time.Duration;

/**
 * Told about each failed attempt and each retry before the wait, for counters and logs. Called on
 * the thread that retries; implementations must be quick and must not throw.
 */
@FunctionalInterface
public interface RetryListener {

  /** A listener that ignores every retry. */
  RetryListener NONE = (operation, kind, attempt, delay, cause) -> {};

  /**
   * Called when a failed attempt will be retried.
   *
   * @param operation what is being retried, e.g. {@code Scan of table "T" segment 3/16}
   * @param kind the kind of the failure
   * @param attempt how many failures of this kind the operation has seen since it last made
   *     progress, counting this one (1 for the first)
   * @param delay how long the retrier will now wait
   * @param cause what the attempt threw, or null when the failure was a partial success reported
   *     without an exception (see {@link Backoff#pause})
   */
  void onRetry(String operation, FailureKind kind, int attempt, Duration delay, Throwable cause);

  /**
   * Called for every attempt that failed with an exception, before the policy decides whether to
   * retry it: unlike {@link #onRetry}, also for the last attempt of an operation that gives up. Not
   * called for a partial success reported without an exception ({@link Backoff#pause}).
   *
   * @param operation what was attempted
   * @param kind the kind of the failure
   * @param cause what the attempt threw
   */
  default void onFailedAttempt(String operation, FailureKind kind, Throwable cause) {}
}
