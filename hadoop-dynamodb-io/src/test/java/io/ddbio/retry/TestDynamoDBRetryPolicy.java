package io.ddbio.retry;

import static io.ddbio.retry.FailureKind.FATAL;
import static io.ddbio.retry.FailureKind.THROTTLED;
import static io.ddbio.retry.FailureKind.TRANSIENT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TestDynamoDBRetryPolicy {

  /** With a jitter of 1 every delay equals its ceiling, so the sequence can be checked exactly. */
  private final DynamoDBRetryPolicy noJitter =
      DynamoDBRetryPolicy.builder().jitter(() -> 1.0).build();

  @Test
  void throttledDelaysDoubleFromFiftyMillisUpToTenSeconds() {
    assertDelays(THROTTLED, 50, 100, 200, 400, 800, 1_600, 3_200, 6_400, 10_000, 10_000, 10_000);
  }

  @Test
  void transientDelaysDoubleFromOneHundredMillisUpToFiveSeconds() {
    assertDelays(TRANSIENT, 100, 200, 400, 800, 1_600, 3_200, 5_000, 5_000, 5_000);
  }

  /** The delays without jitter after the 1st, 2nd, ... failure of the kind. */
  private void assertDelays(FailureKind kind, long... expectedMillis) {
    for (int n = 1; n <= expectedMillis.length; n++) {
      assertEquals(
          Optional.of(Duration.ofMillis(expectedMillis[n - 1])),
          noJitter.nextDelay(kind, n, Duration.ZERO),
          "failure " + n);
    }
  }

  @Test
  void delayStaysCappedAfterVeryManyFailures() {
    assertEquals(
        Optional.of(Duration.ofSeconds(10)),
        noJitter.nextDelay(THROTTLED, Integer.MAX_VALUE, Duration.ofMinutes(1)));
  }

  @Test
  void jitterDrawsEachDelayBetweenZeroAndTheCeiling() {
    DynamoDBRetryPolicy policy =
        DynamoDBRetryPolicy.builder().jitter(new Random(42)::nextDouble).build();
    Set<Duration> seen = new HashSet<>();
    for (int n = 1; n <= 30; n++) {
      for (int draw = 0; draw < 50; draw++) {
        Duration d = policy.nextDelay(THROTTLED, n, Duration.ZERO).orElseThrow();
        Duration ceiling = policy.delayCeiling(THROTTLED, n);
        assertTrue(
            !d.isNegative() && d.compareTo(ceiling) <= 0, d + " outside [0, " + ceiling + "]");
        seen.add(d);
      }
    }
    assertTrue(seen.size() > 1_000, "delays should vary, saw " + seen.size() + " distinct values");
  }

  @Test
  void jitterOfZeroRetriesAtOnce() {
    DynamoDBRetryPolicy policy = DynamoDBRetryPolicy.builder().jitter(() -> 0.0).build();
    assertEquals(Optional.of(Duration.ZERO), policy.nextDelay(THROTTLED, 5, Duration.ZERO));
  }

  @Test
  void jitterOutsideZeroToOneIsABug() {
    DynamoDBRetryPolicy policy = DynamoDBRetryPolicy.builder().jitter(() -> 1.5).build();
    assertThrows(IllegalStateException.class, () -> policy.nextDelay(TRANSIENT, 1, Duration.ZERO));
    DynamoDBRetryPolicy nan = DynamoDBRetryPolicy.builder().jitter(() -> Double.NaN).build();
    assertThrows(IllegalStateException.class, () -> nan.nextDelay(TRANSIENT, 1, Duration.ZERO));
  }

  @Test
  void throttlingIsRetriedUntilTheTimeLimitIsExceeded() {
    Duration limit = DynamoDBRetryPolicy.DEFAULT_THROTTLE_TIME_LIMIT;
    assertEquals(Duration.ofMinutes(15), limit);
    assertTrue(noJitter.nextDelay(THROTTLED, 500, limit).isPresent());
    assertTrue(noJitter.nextDelay(THROTTLED, 500, limit.plusNanos(1)).isEmpty());
  }

  @Test
  void throttleTimeLimitIsConfigurable() {
    DynamoDBRetryPolicy policy =
        DynamoDBRetryPolicy.builder().throttleTimeLimit(Duration.ofSeconds(30)).build();
    assertTrue(policy.nextDelay(THROTTLED, 1, Duration.ofSeconds(30)).isPresent());
    assertTrue(policy.nextDelay(THROTTLED, 1, Duration.ofSeconds(31)).isEmpty());
  }

  @Test
  void transientFailuresGetTenAttemptsInAll() {
    assertTrue(noJitter.nextDelay(TRANSIENT, 9, Duration.ZERO).isPresent());
    assertTrue(noJitter.nextDelay(TRANSIENT, 10, Duration.ZERO).isEmpty());
  }

  @Test
  void transientAttemptsAreConfigurable() {
    DynamoDBRetryPolicy once = DynamoDBRetryPolicy.builder().transientMaxAttempts(1).build();
    assertTrue(once.nextDelay(TRANSIENT, 1, Duration.ZERO).isEmpty());
    DynamoDBRetryPolicy three = DynamoDBRetryPolicy.builder().transientMaxAttempts(3).build();
    assertTrue(three.nextDelay(TRANSIENT, 2, Duration.ZERO).isPresent());
    assertTrue(three.nextDelay(TRANSIENT, 3, Duration.ZERO).isEmpty());
  }

  @Test
  void fatalIsNeverRetried() {
    assertTrue(noJitter.nextDelay(FATAL, 1, Duration.ZERO).isEmpty());
  }

  @Test
  void customDelaysAreUsed() {
    DynamoDBRetryPolicy policy =
        DynamoDBRetryPolicy.builder()
            .jitter(() -> 1.0)
            .throttleBaseDelay(Duration.ofMillis(10))
            .throttleMaxDelay(Duration.ofMillis(25))
            .transientBaseDelay(Duration.ofMillis(7))
            .transientMaxDelay(Duration.ofMillis(7))
            .build();
    assertEquals(
        Duration.ofMillis(20), policy.nextDelay(THROTTLED, 2, Duration.ZERO).orElseThrow());
    assertEquals(
        Duration.ofMillis(25), policy.nextDelay(THROTTLED, 3, Duration.ZERO).orElseThrow());
    assertEquals(Duration.ofMillis(7), policy.nextDelay(TRANSIENT, 4, Duration.ZERO).orElseThrow());
  }

  @Test
  void rejectsFailureCountBelowOne() {
    assertThrows(
        IllegalArgumentException.class, () -> noJitter.nextDelay(THROTTLED, 0, Duration.ZERO));
  }

  @Test
  void builderRejectsValuesOutOfRange() {
    assertThrows(
        IllegalArgumentException.class,
        () -> DynamoDBRetryPolicy.builder().throttleBaseDelay(Duration.ZERO).build());
    assertThrows(
        IllegalArgumentException.class,
        () -> DynamoDBRetryPolicy.builder().throttleMaxDelay(Duration.ofMillis(10)).build());
    assertThrows(
        IllegalArgumentException.class,
        () -> DynamoDBRetryPolicy.builder().throttleTimeLimit(Duration.ofSeconds(-1)).build());
    assertThrows(
        IllegalArgumentException.class,
        () -> DynamoDBRetryPolicy.builder().transientBaseDelay(Duration.ofMillis(-1)).build());
    assertThrows(
        IllegalArgumentException.class,
        () -> DynamoDBRetryPolicy.builder().transientMaxDelay(Duration.ofMillis(99)).build());
    assertThrows(
        IllegalArgumentException.class,
        () -> DynamoDBRetryPolicy.builder().transientMaxAttempts(0).build());
  }
}
