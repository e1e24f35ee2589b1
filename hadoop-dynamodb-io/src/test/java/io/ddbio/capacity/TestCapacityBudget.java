package io.ddbio.capacity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbio.retry.Sleeper;
import io.ddbio.testing.FakeTime;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TestCapacityBudget {

  private static final Duration ONE_SECOND = Duration.ofSeconds(1);

  private final FakeTime time = new FakeTime();

  @AfterEach
  void clearInterrupt() {
    Thread.interrupted();
  }

  @Test
  void longRunAverageMatchesTheRateWhateverRequestsCost() throws Exception {
    double rate = 100;
    CapacityBudget budget = new CapacityBudget(rate, ONE_SECOND, time, time);
    Random random = new Random(7);
    long start = time.nanoTime();
    double consumed = 0;
    while (time.nanoTime() - start < Duration.ofHours(1).toNanos()) {
      budget.acquire(128);
      // From tiny items to pages costing more than the whole burst.
      double cost = random.nextInt(4) == 0 ? 0.5 : random.nextDouble() * 300;
      budget.charge(cost);
      consumed += cost;
      time.advance(Duration.ofMillis(random.nextInt(30))); // the request's own latency
    }
    double seconds = (time.nanoTime() - start) / 1e9;
    double average = consumed / seconds;
    assertEquals(rate, average, rate * 0.01, "average units per second");
  }

  @Test
  void whatRefillsWhileARequestIsInFlightIsNotLost() throws Exception {
    double rate = 100;
    CapacityBudget budget = new CapacityBudget(rate, ONE_SECOND, time, time);
    long start = time.nanoTime();
    double consumed = 0;
    for (int i = 0; i < 600; i++) {
      // A page sized to the whole balance, which takes 600 ms to come back.
      double units = budget.acquire(rate);
      budget.take(units);
      time.advance(Duration.ofMillis(600));
      budget.settle(units, units);
      consumed += units;
    }
    double seconds = (time.nanoTime() - start) / 1e9;
    assertEquals(rate, consumed / seconds, rate * 0.01, "average units per second");
  }

  @Test
  void settlingChargesTheDifferenceOrGivesBackWhatWasNotUsed() throws Exception {
    CapacityBudget budget = new CapacityBudget(50, ONE_SECOND, time, time);
    budget.take(40);
    assertEquals(10, budget.acquire(0), 1e-9);
    budget.settle(40, 45);
    assertEquals(5, budget.acquire(0), 1e-9, "5 more than taken");
    budget.take(4);
    budget.settle(4, 1);
    assertEquals(4, budget.acquire(0), 1e-9, "3 of the 4 given back");
    budget.settle(100, 0);
    assertEquals(50, budget.acquire(0), 1e-9, "never above the burst capacity");
    assertThrows(IllegalArgumentException.class, () -> budget.take(-1));
    assertThrows(IllegalArgumentException.class, () -> budget.settle(1, Double.NaN));
    assertEquals(List.of(), time.sleeps(), "never waited");
  }

  @Test
  void anEmptyBudgetWaitsForItsFirstRequest() throws Exception {
    CapacityBudget budget = CapacityBudget.empty(50, ONE_SECOND, time, time);

    assertEquals(25, budget.acquire(25), 1e-9);
    assertEquals(List.of(Duration.ofMillis(500)), time.sleeps());
  }

  @Test
  void neverWaitsWhileThereIsEnoughBalance() throws Exception {
    CapacityBudget budget = new CapacityBudget(50, ONE_SECOND, time, time);
    assertEquals(50, budget.acquire(50), 1e-9);
    budget.charge(20);
    assertEquals(30, budget.acquire(30), 1e-9);
    assertEquals(List.of(), time.sleeps());
  }

  @Test
  void idleTimeAccumulatesOnlyUpToTheBurst() throws Exception {
    CapacityBudget budget = new CapacityBudget(10, Duration.ofSeconds(2), time, time);
    time.advance(Duration.ofHours(1));
    // Asking for more than the burst holds waits only for a full bucket, which it already is.
    assertEquals(20, budget.acquire(1_000), 1e-9);
    assertEquals(List.of(), time.sleeps());

    budget.charge(20);
    assertEquals(20, budget.acquire(1_000), 1e-9);
    assertEquals(Duration.ofSeconds(2), time.totalSlept());
  }

  @Test
  void debtIsRepaidByWaiting() throws Exception {
    CapacityBudget budget = new CapacityBudget(10, ONE_SECOND, time, time);
    budget.charge(50); // a page far dearer than the balance: 10 - 50 = -40
    double balance = budget.acquire(1);
    assertEquals(1, balance, 1e-6);
    assertEquals(4.1, time.totalSlept().toNanos() / 1e9, 1e-6);
  }

  @Test
  void acquiringZeroWaitsOutTheDebtOnly() throws Exception {
    CapacityBudget budget = new CapacityBudget(10, ONE_SECOND, time, time);
    budget.charge(15);
    assertTrue(budget.acquire(0) >= 0);
    assertEquals(0.5, time.totalSlept().toNanos() / 1e9, 1e-6);
  }

  @Test
  void setRateTakesEffectFromNow() throws Exception {
    CapacityBudget budget = new CapacityBudget(10, ONE_SECOND, time, time);
    long start = time.nanoTime();
    double consumed = drain(budget, 100, Duration.ofSeconds(100));
    budget.setRate(100);
    assertEquals(100, budget.rate());
    consumed += drain(budget, 100, Duration.ofSeconds(100));
    double seconds = (time.nanoTime() - start) / 1e9;
    // Both halves at their own rate, plus the first full bucket.
    assertEquals(10 * 100 + 100 * 100 + 10, consumed, 150);
    assertEquals(200, seconds, 1);
  }

  @Test
  void timeBeforeARateChangeAccruesAtTheOldRate() throws Exception {
    CapacityBudget budget = new CapacityBudget(10, ONE_SECOND, time, time);
    budget.charge(100); // balance -90
    time.advance(Duration.ofSeconds(5)); // +50 at the old rate: -40
    budget.setRate(100);
    budget.acquire(0);
    assertEquals(0.4, time.totalSlept().toNanos() / 1e9, 1e-6);
  }

  @Test
  void aRateRaisedDuringAWaitShortensIt() throws Exception {
    CapacityBudget[] holder = new CapacityBudget[1];
    Sleeper raisingOnFirstSleep =
        d -> {
          boolean first = time.sleeps().isEmpty();
          time.sleep(d);
          if (first) {
            holder[0].setRate(100);
          }
        };
    // A task's share while many ran, in debt after one batch: 1 - 100 = -99, 99 s at 1 unit/s.
    CapacityBudget budget = new CapacityBudget(1, ONE_SECOND, time, raisingOnFirstSleep);
    holder[0] = budget;
    budget.charge(100);

    assertTrue(budget.acquire(0) >= 0);
    // One second at the old rate (-98 left), then 0.98 s at the new one.
    assertEquals(
        List.of(Duration.ofSeconds(1), Duration.ofMillis(980)),
        time.sleeps(),
        "no sleep longer than a second");
  }

  @Test
  void loweringTheRateCutsTheBalanceToTheNewBurst() throws Exception {
    CapacityBudget budget = new CapacityBudget(100, ONE_SECOND, time, time);
    budget.setRate(10);
    assertEquals(10, budget.acquire(1_000), 1e-9);
    assertEquals(List.of(), time.sleeps());
  }

  @Test
  void rejectsRatesAndAmountsOutOfRange() {
    assertThrows(
        IllegalArgumentException.class, () -> new CapacityBudget(0, ONE_SECOND, time, time));
    assertThrows(
        IllegalArgumentException.class, () -> new CapacityBudget(-1, ONE_SECOND, time, time));
    assertThrows(
        IllegalArgumentException.class,
        () -> new CapacityBudget(Double.NaN, ONE_SECOND, time, time));
    assertThrows(
        IllegalArgumentException.class,
        () -> new CapacityBudget(Double.POSITIVE_INFINITY, ONE_SECOND, time, time));
    assertThrows(
        IllegalArgumentException.class, () -> new CapacityBudget(1, Duration.ZERO, time, time));

    CapacityBudget budget = new CapacityBudget(1, ONE_SECOND, time, time);
    assertThrows(IllegalArgumentException.class, () -> budget.setRate(0));
    assertThrows(IllegalArgumentException.class, () -> budget.charge(-1));
    assertThrows(IllegalArgumentException.class, () -> budget.charge(Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> budget.acquire(-1));
    assertThrows(IllegalArgumentException.class, () -> budget.acquire(Double.NaN));
  }

  @Test
  void interruptWhileWaitingRestoresTheFlag() {
    CapacityBudget budget = new CapacityBudget(10, ONE_SECOND, time, time);
    budget.charge(100);
    time.interruptAtSleep(1);
    InterruptedIOException e = assertThrows(InterruptedIOException.class, () -> budget.acquire(1));
    assertTrue(Thread.interrupted(), "interrupt flag must be restored");
    assertInstanceOf(InterruptedException.class, e.getCause());
  }

  @Test
  void waitsWithoutHoldingTheLock() throws Exception {
    CapacityBudget[] holder = new CapacityBudget[1];
    // During the first wait another thread charges; if acquire slept holding the lock, the charge
    // would block until the timeout.
    Sleeper chargingFromAnotherThread =
        d -> {
          if (time.sleeps().isEmpty()) {
            try {
              CompletableFuture.runAsync(() -> holder[0].charge(1)).get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
              throw new AssertionError("charge blocked while acquire was waiting", e);
            }
          }
          time.sleep(d);
        };
    holder[0] = new CapacityBudget(10, ONE_SECOND, time, chargingFromAnotherThread);
    holder[0].charge(10);
    assertEquals(5, holder[0].acquire(5), 1e-6);
    // 0.5 s for the 5 units wanted, then 0.1 s more for the unit charged meanwhile.
    assertEquals(List.of(Duration.ofMillis(500), Duration.ofMillis(100)), time.sleeps());
  }

  /** Spends as fast as the budget allows for {@code period}; returns the units spent. */
  private double drain(CapacityBudget budget, double cost, Duration period) throws Exception {
    long end = time.nanoTime() + period.toNanos();
    double consumed = 0;
    while (time.nanoTime() < end) {
      budget.acquire(cost);
      budget.charge(cost);
      consumed += cost;
    }
    return consumed;
  }
}
