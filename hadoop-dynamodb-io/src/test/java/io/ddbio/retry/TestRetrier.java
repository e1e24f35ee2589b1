package io.ddbio.retry;

import static io.ddbio.retry.FailureKind.FATAL;
import static io.ddbio.retry.FailureKind.THROTTLED;
import static io.ddbio.retry.FailureKind.TRANSIENT;
import static io.ddbio.retry.SdkFailures.service;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbio.testing.FakeTime;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

class TestRetrier {

  private static final String OP = "Scan of table \"T\" segment 3/16";

  private final FakeTime time = new FakeTime();
  private final RecordingListener listener = new RecordingListener();
  private final DynamoDBRetryPolicy policy =
      DynamoDBRetryPolicy.builder().jitter(() -> 1.0).build();
  private final Retrier retrier = new Retrier(policy, time, time, listener);

  @AfterEach
  void clearInterrupt() {
    // Never leak an interrupt into the next test running on this thread.
    Thread.interrupted();
  }

  @Test
  void returnsAtOnceOnSuccess() throws IOException {
    assertEquals("ok", retrier.call(OP, () -> "ok"));
    assertEquals(List.of(), time.sleeps());
    assertEquals(List.of(), listener.retries());
  }

  @Test
  void retriesThrottlingWithGrowingDelaysAndTellsTheListener() throws IOException {
    Exception first = ProvisionedThroughputExceededException.builder().message("1").build();
    Exception second = service("ThrottlingException", 400);
    Scripted<String> op = new Scripted<>("done", first, second);

    assertEquals("done", retrier.call(OP, op));

    assertEquals(3, op.calls());
    assertEquals(List.of(Duration.ofMillis(50), Duration.ofMillis(100)), time.sleeps());
    List<RecordingListener.Retry> retries = listener.retries();
    assertEquals(2, retries.size());
    assertEquals(
        new RecordingListener.Retry(OP, THROTTLED, 1, Duration.ofMillis(50), first),
        retries.get(0));
    assertEquals(
        new RecordingListener.Retry(OP, THROTTLED, 2, Duration.ofMillis(100), second),
        retries.get(1));
  }

  @Test
  void fatalFailsAtOnceWithTheCause() {
    Exception denied = service("AccessDeniedException", 400);
    Scripted<String> op = new Scripted<>("never", denied);

    DynamoDBIOException e = assertThrows(DynamoDBIOException.class, () -> retrier.call(OP, op));

    assertEquals(1, op.calls());
    assertSame(denied, e.getCause());
    assertEquals(FATAL, e.kind());
    assertEquals(1, e.attempts());
    assertEquals(OP, e.operation());
    assertTrue(
        e.getMessage().startsWith(OP + " failed (FATAL) after 1 attempt in 0 ms"), e.getMessage());
    assertTrue(e.getMessage().contains("AccessDeniedException"), e.getMessage());
    assertTrue(e.getMessage().contains("credentials"), e.getMessage());
    assertEquals(List.of(), time.sleeps());
    assertEquals(List.of(), listener.retries());
  }

  @Test
  void missingTableNamesRegionAndEndpointInTheAdvice() {
    Exception missing =
        ResourceNotFoundException.builder().message("Requested resource not found").build();
    DynamoDBIOException e =
        assertThrows(
            DynamoDBIOException.class, () -> retrier.call(OP, new Scripted<>("x", missing)));
    assertTrue(e.getMessage().contains("Requested resource not found"), e.getMessage());
    assertTrue(e.getMessage().contains("dynamodb.region"), e.getMessage());
  }

  @Test
  void throttlingGivesUpOnlyAfterTheTimeLimit() {
    AtomicInteger calls = new AtomicInteger();
    Callable<String> alwaysThrottled =
        () -> {
          calls.incrementAndGet();
          time.advance(Duration.ofMillis(20)); // the round trip itself
          throw ProvisionedThroughputExceededException.builder().message("busy").build();
        };

    DynamoDBIOException e =
        assertThrows(DynamoDBIOException.class, () -> retrier.call(OP, alwaysThrottled));

    assertEquals(THROTTLED, e.kind());
    assertEquals(calls.get(), e.attempts());
    Duration limit = DynamoDBRetryPolicy.DEFAULT_THROTTLE_TIME_LIMIT;
    assertTrue(e.elapsed().compareTo(limit) > 0, "gave up early: " + e.elapsed());
    assertTrue(
        e.elapsed().compareTo(limit.plusSeconds(11)) < 0, "kept going too long: " + e.elapsed());
    assertTrue(time.sleeps().stream().allMatch(d -> d.compareTo(Duration.ofSeconds(10)) <= 0));
    assertEquals(calls.get() - 1, listener.retries().size());
    assertTrue(e.getMessage().contains("throughput"), e.getMessage());
    assertTrue(e.getMessage().contains(" min "), e.getMessage());
  }

  @Test
  void transientFailuresStopAfterTenAttempts() {
    AtomicInteger calls = new AtomicInteger();
    IOException last = new IOException("last");
    Callable<String> alwaysFailing =
        () -> {
          throw calls.incrementAndGet() == 10 ? last : new IOException("connection reset");
        };

    DynamoDBIOException e =
        assertThrows(DynamoDBIOException.class, () -> retrier.call(OP, alwaysFailing));

    assertEquals(10, calls.get());
    assertEquals(9, time.sleeps().size());
    assertEquals(TRANSIENT, e.kind());
    assertEquals(10, e.attempts());
    assertSame(last, e.getCause());
    assertTrue(e.getMessage().contains("IOException: last"), e.getMessage());
  }

  @Test
  void eachKindCountsItsOwnFailures() throws IOException {
    Deque<Exception> script = new ArrayDeque<>();
    for (int i = 0; i < 20; i++) {
      script.add(ProvisionedThroughputExceededException.builder().message("busy").build());
    }
    script.add(new IOException("reset"));
    Scripted<String> op = new Scripted<>("done", script.toArray(new Exception[0]));

    // Twenty throttles must not use up the ten attempts allowed for transient faults.
    assertEquals("done", retrier.call(OP, op));
    RecordingListener.Retry last = listener.retries().get(listener.retries().size() - 1);
    assertEquals(TRANSIENT, last.kind());
    assertEquals(1, last.attempt());
  }

  @Test
  void nonRetryableIOExceptionIsWrapped() {
    Retrier fatalForEverything =
        new Retrier(
            new RetryPolicy() {
              @Override
              public FailureKind classify(Throwable t) {
                return FATAL;
              }

              @Override
              public Optional<Duration> nextDelay(
                  FailureKind kind, int consecutiveFailures, Duration sinceFirstFailure) {
                return Optional.empty();
              }
            },
            time,
            time,
            listener);
    IOException cause = new IOException("disk full");

    DynamoDBIOException e =
        assertThrows(
            DynamoDBIOException.class,
            () -> fatalForEverything.call(OP, new Scripted<>("x", cause)));
    assertSame(cause, e.getCause());
    assertTrue(e.getMessage().contains("disk full"), e.getMessage());
  }

  @Test
  void innerFinalFailureIsRethrownUnchanged() {
    DynamoDBIOException inner =
        new DynamoDBIOException("inner", TRANSIENT, 10, Duration.ofSeconds(3), new IOException());
    Scripted<String> op = new Scripted<>("x", inner);

    assertSame(inner, assertThrows(DynamoDBIOException.class, () -> retrier.call(OP, op)));
    assertEquals(1, op.calls());
  }

  @Test
  void interruptWhileSleepingRestoresTheFlag() {
    time.interruptAtSleep(2);
    Scripted<String> op =
        new Scripted<>("x", new IOException("a"), new IOException("b"), new IOException("c"));

    InterruptedIOException e =
        assertThrows(InterruptedIOException.class, () -> retrier.call(OP, op));

    assertTrue(Thread.interrupted(), "interrupt flag must be restored");
    assertInstanceOf(InterruptedException.class, e.getCause());
    assertTrue(e.getMessage().contains(OP), e.getMessage());
    assertEquals(2, op.calls());
  }

  @Test
  void interruptedCallIsNotRetried() {
    Scripted<String> op = new Scripted<>("x", new InterruptedException("stop"));

    InterruptedIOException e =
        assertThrows(InterruptedIOException.class, () -> retrier.call(OP, op));

    assertTrue(Thread.interrupted(), "interrupt flag must be restored");
    assertInstanceOf(InterruptedException.class, e.getCause());
    assertEquals(1, op.calls());
  }

  @Test
  void sdkAbortIsTreatedAsAnInterrupt() {
    Scripted<String> op = new Scripted<>("x", AbortedException.create("Thread was interrupted"));

    assertThrows(InterruptedIOException.class, () -> retrier.call(OP, op));

    assertTrue(Thread.interrupted(), "interrupt flag must be restored");
    assertEquals(1, op.calls());
  }

  @Test
  void failureOnAnInterruptedThreadStops() {
    Callable<String> op =
        () -> {
          Thread.currentThread().interrupt();
          throw new IOException("channel closed");
        };

    assertThrows(InterruptedIOException.class, () -> retrier.call(OP, op));
    assertTrue(Thread.interrupted(), "interrupt flag must be kept");
    assertEquals(List.of(), time.sleeps());
  }

  @Test
  void socketTimeoutIsRetriedNotMistakenForAnInterrupt() throws IOException {
    Scripted<String> op = new Scripted<>("done", new SocketTimeoutException("Read timed out"));

    assertEquals("done", retrier.call(OP, op));
    assertFalse(Thread.currentThread().isInterrupted());
    assertEquals(1, time.sleeps().size());
  }

  @Test
  void errorsAreNotCaught() {
    Callable<String> op =
        () -> {
          throw new AssertionError("boom");
        };
    assertThrows(AssertionError.class, () -> retrier.call(OP, op));
  }

  /** A call that throws the given failures in order, then returns {@code result}. */
  private static final class Scripted<T> implements Callable<T> {
    private final T result;
    private final Deque<Exception> failures;
    private int calls;

    Scripted(T result, Exception... failures) {
      this.result = result;
      this.failures = new ArrayDeque<>(List.of(failures));
    }

    @Override
    public T call() throws Exception {
      calls++;
      Exception next = failures.poll();
      if (next != null) {
        throw next;
      }
      return result;
    }

    int calls() {
      return calls;
    }
  }
}
