package io.ddbio.retry;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waits per a {@link RetryPolicy} between rounds of a loop that sees partial success without an
 * exception, such as items {@code BatchWriteItem} returns unprocessed. Call {@link #reset} after a
 * round that made progress and {@link #pause} before each round that tries again: the pauses since
 * the last reset grow and spend the policy's time limit, so only rounds without progress do.
 * Obtained from {@link Retrier#backoff}; not thread-safe (one loop owns it).
 */
public final class Backoff {

  private static final Logger LOG = LoggerFactory.getLogger(Backoff.class);

  private final String operation;
  private final RetryPolicy policy;
  private final Clock clock;
  private final Sleeper sleeper;
  private final RetryListener listener;
  private final int[] failuresByKind = new int[FailureKind.values().length];
  private int consecutiveFailures;
  private long startNanos;
  private long firstFailureNanos;

  Backoff(
      String operation, RetryPolicy policy, Clock clock, Sleeper sleeper, RetryListener listener) {
    this.operation = operation;
    this.policy = policy;
    this.clock = clock;
    this.sleeper = sleeper;
    this.listener = listener;
    this.startNanos = clock.nanoTime();
  }

  /**
   * Records a round without progress and sleeps as long as the policy says for it.
   *
   * @param kind what the round's outcome means, usually {@link FailureKind#THROTTLED} for
   *     unprocessed items
   * @param why what happened, for the message if the policy gives up, e.g. {@code "7 items
   *     unprocessed"}
   * @throws DynamoDBIOException if the policy gives up; its message names the operation and {@code
   *     why}
   * @throws java.io.InterruptedIOException if interrupted while sleeping; the interrupt flag is set
   */
  public void pause(FailureKind kind, String why) throws IOException {
    failed(Objects.requireNonNull(kind, "kind"), null, Objects.requireNonNull(why, "why"));
  }

  /** Records progress: the next failure starts a fresh run of backoff. */
  public void reset() {
    consecutiveFailures = 0;
    Arrays.fill(failuresByKind, 0);
    startNanos = clock.nanoTime();
  }

  /**
   * Returns the failures, of any kind, since the last progress.
   *
   * @return the failures since this was created or last reset
   */
  public int consecutiveFailures() {
    return consecutiveFailures;
  }

  /**
   * Records a failure and sleeps before the next attempt, or throws when the policy gives up.
   *
   * @param detail what went wrong, or null to describe {@code cause}
   */
  void failed(FailureKind kind, Throwable cause, String detail) throws IOException {
    if (cause != null) {
      listener.onFailedAttempt(operation, kind, cause);
    }
    long now = clock.nanoTime();
    if (consecutiveFailures == 0) {
      firstFailureNanos = now;
    }
    consecutiveFailures++;
    // Each kind keeps its own count so that, say, a long run of throttling does not use up the
    // attempts allowed for transient faults.
    int ofKind = ++failuresByKind[kind.ordinal()];
    Optional<Duration> delay =
        policy.nextDelay(kind, ofKind, Duration.ofNanos(now - firstFailureNanos));
    if (delay.isEmpty()) {
      throw new DynamoDBIOException(
          operation, kind, consecutiveFailures, Duration.ofNanos(now - startNanos), detail, cause);
    }
    listener.onRetry(operation, kind, ofKind, delay.get(), cause);
    LOG.debug(
        "{}: {} failure {}, retrying in {} ms", operation, kind, ofKind, delay.get().toMillis());
    try {
      sleeper.sleep(delay.get());
    } catch (InterruptedException e) {
      throw Interruptions.interrupted(operation, e);
    }
  }
}
