package io.ddbio.retry;

import java.io.IOException;
import java.util.Objects;
import java.util.concurrent.Callable;

/**
 * Runs an operation and retries it as a {@link RetryPolicy} says: the one retry loop for every
 * DynamoDB call (the SDK's own retries are off, so loops never nest). Waits through an injected
 * {@link Sleeper} and measures time with an injected {@link Clock}. Thread-safe: each call keeps
 * its own state.
 */
public final class Retrier {

  private final RetryPolicy policy;
  private final Clock clock;
  private final Sleeper sleeper;
  private final RetryListener listener;

  /**
   * Creates a retrier.
   *
   * @param policy what to retry and how long to wait
   * @param clock measures time spent failing
   * @param sleeper waits between attempts
   * @param listener told of each retry, e.g. to count it
   */
  public Retrier(RetryPolicy policy, Clock clock, Sleeper sleeper, RetryListener listener) {
    this.policy = Objects.requireNonNull(policy, "policy");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    this.listener = Objects.requireNonNull(listener, "listener");
  }

  /**
   * Runs {@code op} until it succeeds, the failure is fatal or the policy gives up.
   *
   * <p>A {@link DynamoDBIOException} thrown by {@code op} is rethrown unchanged: an inner retrier
   * has already given up on it. {@link Error}s are not caught.
   *
   * @param operation names the operation in messages, e.g. {@code Scan of table "T" segment 3/16}
   * @param op the call to make
   * @param <T> what the call returns
   * @return what {@code op} returned on its first success
   * @throws DynamoDBIOException if the failure was fatal or the policy gave up; the last failure is
   *     its cause
   * @throws java.io.InterruptedIOException if the thread was interrupted during a call or a wait;
   *     the interrupt flag is set
   */
  public <T> T call(String operation, Callable<T> op) throws IOException {
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(op, "op");
    Backoff backoff = backoff(operation);
    while (true) {
      try {
        return op.call();
      } catch (DynamoDBIOException e) {
        throw e;
      } catch (Exception e) {
        if (Interruptions.isInterruption(e) || Thread.currentThread().isInterrupted()) {
          throw Interruptions.interrupted(operation, e);
        }
        backoff.failed(policy.classify(e), e, null);
      }
    }
  }

  /**
   * Returns a fresh {@link Backoff} for a loop that sees partial success without an exception.
   *
   * @param operation names the operation in messages, e.g. {@code BatchWriteItem to table "T"}
   * @return a backoff with no failures recorded
   */
  public Backoff backoff(String operation) {
    return new Backoff(
        Objects.requireNonNull(operation, "operation"), policy, clock, sleeper, listener);
  }
}
