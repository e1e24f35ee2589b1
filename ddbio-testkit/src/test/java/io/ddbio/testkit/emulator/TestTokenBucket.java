package io.ddbio.testkit.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The token bucket on a fake clock: refill, burst credit, debt, capacity changes. */
class TestTokenBucket {
  private static final long SECOND = 1_000_000_000L;
  private static final long T0 = 42 * SECOND;
  private static final double DELTA = 1e-9;

  @Test
  void startsEmptyAndRefillsAtTheProvisionedRate() {
    TokenBucket bucket = new TokenBucket(10, 300, T0);

    assertEquals(0, bucket.balance(T0), DELTA);
    assertEquals(10, bucket.balance(T0 + SECOND), DELTA);
    assertEquals(25, bucket.balance(T0 + 5 * SECOND / 2), DELTA);
  }

  @Test
  void savesUnusedCapacityUpTo300Seconds() {
    TokenBucket bucket = new TokenBucket(10, 300, T0);

    assertEquals(2990, bucket.balance(T0 + 299 * SECOND), DELTA);
    assertEquals(3000, bucket.balance(T0 + 300 * SECOND), DELTA);
    assertEquals(3000, bucket.balance(T0 + 3600 * SECOND), DELTA);
    assertEquals(3000, bucket.size(), DELTA);
  }

  @Test
  void withoutBurstHoldsOneSecondOfCapacity() {
    TokenBucket bucket = new TokenBucket(10, 0, T0);

    assertEquals(10, bucket.balance(T0 + 100 * SECOND), DELTA);
    assertEquals(10, bucket.size(), DELTA);
  }

  @Test
  void inDebtRefusesUntilTheRefillHasPaidItOff() {
    TokenBucket bucket = new TokenBucket(10, 0, T0);

    assertTrue(bucket.tryTake(0, T0), "an empty bucket is not in debt");
    bucket.charge(25, T0);
    assertEquals(-25, bucket.balance(T0), DELTA);

    assertFalse(bucket.tryTake(0, T0 + 2 * SECOND), "still 5 units in debt");
    assertFalse(bucket.tryTake(0, T0 + 5 * SECOND / 2 - 1), "a nanosecond short");
    assertTrue(bucket.tryTake(0, T0 + 5 * SECOND / 2), "debt paid off");
  }

  @Test
  void takesAnEstimateUpFrontAndSettlesWithWhatWasConsumed() {
    TokenBucket bucket = new TokenBucket(10, 0, T0);
    bucket.balance(T0 + SECOND);

    assertTrue(bucket.tryTake(4, T0 + SECOND));
    assertEquals(6, bucket.balance(T0 + SECOND), DELTA);

    bucket.charge(1 - 4, T0 + SECOND);
    assertEquals(9, bucket.balance(T0 + SECOND), DELTA, "consumed 1 of the 4 taken");

    bucket.charge(-100, T0 + SECOND);
    assertEquals(10, bucket.balance(T0 + SECOND), DELTA, "a refund does not overfill the bucket");
  }

  @Test
  void aCapacityChangeTakesEffectFromNowAndKeepsTheCredit() {
    TokenBucket bucket = new TokenBucket(10, 300, T0);
    long twoSeconds = T0 + 2 * SECOND;
    assertEquals(20, bucket.balance(twoSeconds), DELTA);

    bucket.setUnitsPerSecond(100, twoSeconds);
    assertEquals(20, bucket.balance(twoSeconds), DELTA, "credit saved at the old rate is kept");
    assertEquals(120, bucket.balance(twoSeconds + SECOND), DELTA, "refilled at the new rate");
    assertEquals(30_000, bucket.size(), DELTA);

    bucket.setUnitsPerSecond(1, twoSeconds + SECOND);
    assertEquals(120, bucket.balance(twoSeconds + SECOND), DELTA, "within 300 s of the new rate");
    bucket.setBurstSeconds(0, twoSeconds + SECOND);
    assertEquals(1, bucket.balance(twoSeconds + SECOND), DELTA, "clamped to one second's worth");
  }

  @Test
  void aCapacityChangeKeepsTheDebt() {
    TokenBucket bucket = new TokenBucket(10, 0, T0);
    bucket.charge(30, T0);

    bucket.setUnitsPerSecond(20, T0 + SECOND);
    assertEquals(-20, bucket.balance(T0 + SECOND), DELTA);
    assertEquals(0, bucket.balance(T0 + 2 * SECOND), DELTA);
  }

  @Test
  void takesTheLeadingRequestsOfABatchItAffords() {
    TokenBucket bucket = new TokenBucket(10, 0, T0);

    assertEquals(0, bucket.takeLeading(new double[] {1, 1}, T0), "empty");
    assertEquals(3, bucket.takeLeading(new double[] {3, 3, 3, 3}, T0 + SECOND));
    assertEquals(1, bucket.balance(T0 + SECOND), DELTA);
  }

  @Test
  void aClockReadEarlierByAnotherThreadDoesNotDrainTheBucket() {
    TokenBucket bucket = new TokenBucket(10, 0, T0);
    assertEquals(5, bucket.balance(T0 + SECOND / 2), DELTA);

    assertEquals(5, bucket.balance(T0 + SECOND / 4), DELTA);
    assertEquals(7.5, bucket.balance(T0 + 3 * SECOND / 4), DELTA);
  }

  @Test
  void rejectsRatesThatAreNotPositiveAndFinite() {
    assertThrows(IllegalArgumentException.class, () -> new TokenBucket(0, 300, T0));
    assertThrows(IllegalArgumentException.class, () -> new TokenBucket(-1, 300, T0));
    assertThrows(IllegalArgumentException.class, () -> new TokenBucket(Double.NaN, 300, T0));
    assertThrows(
        IllegalArgumentException.class, () -> new TokenBucket(Double.POSITIVE_INFINITY, 300, T0));
    assertThrows(IllegalArgumentException.class, () -> new TokenBucket(1, -1, T0));
  }
}
