package io.ddbio.retry;

import static io.ddbio.retry.FailureKind.THROTTLED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbio.testing.FakeTime;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TestBackoff {

  private static final String OP = "BatchWriteItem to table \"T\"";

  private final FakeTime time = new FakeTime();
  private final RecordingListener listener = new RecordingListener();
  private final Retrier retrier =
      new Retrier(
          DynamoDBRetryPolicy.builder()
              .jitter(() -> 1.0)
              .throttleTimeLimit(Duration.ofMinutes(1))
              .build(),
          time,
          time,
          listener);

  @AfterEach
  void clearInterrupt() {
    Thread.interrupted();
  }

  @Test
  void pausesGrowUntilReset() throws IOException {
    Backoff backoff = retrier.backoff(OP);
    backoff.pause(THROTTLED, "3 items unprocessed");
    backoff.pause(THROTTLED, "3 items unprocessed");
    backoff.pause(THROTTLED, "2 items unprocessed");
    assertEquals(3, backoff.consecutiveFailures());

    backoff.reset();
    assertEquals(0, backoff.consecutiveFailures());
    backoff.pause(THROTTLED, "1 item unprocessed");

    assertEquals(
        List.of(
            Duration.ofMillis(50),
            Duration.ofMillis(100),
            Duration.ofMillis(200),
            Duration.ofMillis(50)),
        time.sleeps());
    assertEquals(4, listener.retries().size());
    assertNull(listener.retries().get(0).cause());
    assertEquals(OP, listener.retries().get(0).operation());
  }

  @Test
  void givesUpWhenThePolicyDoesNamingOperationAndReason() throws IOException {
    Backoff backoff = retrier.backoff(OP);
    DynamoDBIOException e =
        assertThrows(
            DynamoDBIOException.class,
            () -> {
              while (true) {
                backoff.pause(THROTTLED, "25 items unprocessed");
              }
            });
    assertEquals(THROTTLED, e.kind());
    assertNull(e.getCause());
    assertTrue(e.getMessage().startsWith(OP + " failed (THROTTLED)"), e.getMessage());
    assertTrue(e.getMessage().contains("25 items unprocessed"), e.getMessage());
    assertTrue(e.elapsed().compareTo(Duration.ofMinutes(1)) > 0, e.elapsed().toString());
    assertEquals(backoff.consecutiveFailures(), e.attempts());
  }

  @Test
  void resetRestartsTheTimeLimit() throws IOException {
    Backoff backoff = retrier.backoff(OP);
    // Progress every few rounds keeps the loop alive far beyond the one-minute limit.
    for (int round = 0; round < 100; round++) {
      for (int i = 0; i < 5; i++) {
        backoff.pause(THROTTLED, "unprocessed");
      }
      backoff.reset();
    }
    assertTrue(time.totalSlept().compareTo(Duration.ofMinutes(1)) > 0);
  }

  @Test
  void interruptWhileSleepingRestoresTheFlag() {
    time.interruptAtSleep(1);
    Backoff backoff = retrier.backoff(OP);
    InterruptedIOException e =
        assertThrows(InterruptedIOException.class, () -> backoff.pause(THROTTLED, "unprocessed"));
    assertTrue(Thread.interrupted(), "interrupt flag must be restored");
    assertInstanceOf(InterruptedException.class, e.getCause());
  }
}
