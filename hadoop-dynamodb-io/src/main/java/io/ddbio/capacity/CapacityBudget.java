package io.ddbio.capacity;

import io.ddbio.retry.Clock;
import io.ddbio.retry.Sleeper;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Objects;

/**
 * A token bucket in DynamoDB capacity units, charged after each request with the capacity DynamoDB
 * reports it consumed: the cost of a scan page or a batch write is known only once it is done.
 *
 * <p>The balance refills at {@link #rate()} units per second up to the burst capacity ({@code
 * unitsPerSecond × burst}), and starts full. A caller {@link #acquire acquires} before each
 * request, sizes the request from the balance returned, {@link #take takes} its estimated cost as
 * it sends it, then {@link #settle settles} with what DynamoDB reported. Taking when the request is
 * sent, not when it returns, matters: a request sized to a full balance would otherwise leave the
 * balance full while it is in flight, and what refilled meanwhile would be lost to the cap. The
 * balance may go below zero; the debt is repaid by the next {@code acquire} waiting. Because
 * requests wait on debt and idle time is capped by the burst, consumption over any long period
 * converges on the rate, whatever the items cost.
 *
 * <p>Thread-safe. Waiting is done through the {@link Sleeper}, never while holding the lock and in
 * sleeps of at most a second, so another thread may charge or change the rate meanwhile and a
 * raised rate shortens a wait already under way.
 */
public final class CapacityBudget {

  private static final double NANOS_PER_SECOND = 1e9;

  /**
   * The longest single sleep: a wait computed at a low rate (a deep debt, or a task's share while
   * many ran) is re-computed at least this often, so a rate raised meanwhile is used at once.
   */
  static final long MAX_SLEEP_NANOS = 1_000_000_000L;

  private final Clock clock;
  private final Sleeper sleeper;
  private final double burstSeconds;

  private double rate;
  private double balance;
  private long lastRefillNanos;

  /**
   * Creates a full budget.
   *
   * @param unitsPerSecond the refill rate; positive and finite
   * @param burst how much unused time may accumulate as balance (one second is a good default);
   *     positive
   * @param clock measures time
   * @param sleeper waits for the balance to refill
   * @throws IllegalArgumentException if the rate or burst is out of range
   */
  public CapacityBudget(double unitsPerSecond, Duration burst, Clock clock, Sleeper sleeper) {
    this(unitsPerSecond, burst, clock, sleeper, true);
  }

  /**
   * Creates an empty budget, whose first request waits for the balance to refill: for a task whose
   * requests go over its balance (a batch of writes costs what it costs), so that one task taking
   * over from another that finished in debt does not add a burst on top of that debt.
   *
   * @see #CapacityBudget(double, Duration, Clock, Sleeper)
   */
  public static CapacityBudget empty(
      double unitsPerSecond, Duration burst, Clock clock, Sleeper sleeper) {
    return new CapacityBudget(unitsPerSecond, burst, clock, sleeper, false);
  }

  private CapacityBudget(
      double unitsPerSecond, Duration burst, Clock clock, Sleeper sleeper, boolean full) {
    requireRate(unitsPerSecond);
    Objects.requireNonNull(burst, "burst");
    if (burst.isNegative() || burst.isZero()) {
      throw new IllegalArgumentException("burst must be positive, was " + burst);
    }
    this.clock = Objects.requireNonNull(clock, "clock");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    this.burstSeconds = burst.toNanos() / NANOS_PER_SECOND;
    this.rate = unitsPerSecond;
    this.balance = full ? burstCapacity() : 0;
    this.lastRefillNanos = clock.nanoTime();
  }

  /**
   * Waits until the budget is out of debt and holds at least {@code min(wanted, burst capacity)}
   * units, then returns the balance. Deducts nothing: {@link #take} does that as the request is
   * sent.
   *
   * @param wanted units the caller would like to spend; zero just waits out any debt
   * @return the balance, at least {@code min(wanted, burst capacity)}
   * @throws InterruptedIOException if interrupted while waiting; the interrupt flag is set
   * @throws IllegalArgumentException if {@code wanted} is negative or not a number
   */
  public double acquire(double wanted) throws InterruptedIOException {
    if (!(wanted >= 0)) {
      throw new IllegalArgumentException("wanted must be zero or more, was " + wanted);
    }
    while (true) {
      long waitNanos;
      synchronized (this) {
        refill();
        double needed = Math.min(wanted, burstCapacity());
        if (balance >= needed) {
          return balance;
        }
        // Rounded up, and at least a nanosecond, so rounding never turns this into a busy loop.
        // At most MAX_SLEEP_NANOS, so a rate raised while waiting is seen.
        waitNanos =
            Math.min(
                MAX_SLEEP_NANOS,
                Math.max(1L, (long) Math.ceil((needed - balance) / rate * NANOS_PER_SECOND)));
      }
      try {
        sleeper.sleep(Duration.ofNanos(waitNanos));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        InterruptedIOException stop =
            new InterruptedIOException("interrupted while waiting for DynamoDB capacity");
        stop.initCause(e);
        throw stop;
      }
    }
  }

  /**
   * Takes a request's estimated cost as it is sent; the balance may go negative. {@link #settle}
   * corrects it once the cost is known.
   *
   * @param estimatedUnits what the request is expected to consume; zero or more
   * @throws IllegalArgumentException if {@code estimatedUnits} is negative or not finite
   */
  public synchronized void take(double estimatedUnits) {
    requireUnits("estimated units", estimatedUnits);
    refill();
    balance -= estimatedUnits;
  }

  /**
   * Settles a request for which {@code takenUnits} were {@link #take taken}: charges what it
   * consumed beyond them, or gives back what it did not use (never above the burst capacity).
   *
   * @param takenUnits what was taken when the request was sent; zero or more
   * @param consumedUnits what DynamoDB reported as consumed; zero or more
   * @throws IllegalArgumentException if an amount is negative or not finite
   */
  public synchronized void settle(double takenUnits, double consumedUnits) {
    requireUnits("taken units", takenUnits);
    requireUnits("consumed units", consumedUnits);
    refill();
    balance = Math.min(burstCapacity(), balance + takenUnits - consumedUnits);
  }

  /**
   * Deducts capacity a request consumed; the balance may go negative. The same as {@link #settle}
   * of a request for which nothing was taken.
   *
   * @param consumedUnits what DynamoDB reported as consumed; zero or more
   * @throws IllegalArgumentException if {@code consumedUnits} is negative or not finite
   */
  public synchronized void charge(double consumedUnits) {
    requireUnits("consumed units", consumedUnits);
    refill();
    balance -= consumedUnits;
  }

  private static void requireUnits(String what, double units) {
    if (!(units >= 0) || Double.isInfinite(units)) {
      throw new IllegalArgumentException(what + " must be zero or more, was " + units);
    }
  }

  /**
   * Changes the refill rate from now on, e.g. when the table's capacity changes or peer tasks
   * finish. The burst capacity scales with the rate; a balance above the new burst capacity is cut
   * to it, a debt is kept.
   *
   * @param unitsPerSecond the new rate; positive and finite
   * @throws IllegalArgumentException if the rate is out of range
   */
  public synchronized void setRate(double unitsPerSecond) {
    requireRate(unitsPerSecond);
    refill(); // time so far accrues at the old rate
    rate = unitsPerSecond;
    balance = Math.min(balance, burstCapacity());
  }

  /**
   * Returns the refill rate.
   *
   * @return units per second
   */
  public synchronized double rate() {
    return rate;
  }

  /** The most the balance can hold. */
  synchronized double burstCapacity() {
    return rate * burstSeconds;
  }

  private void refill() {
    long now = clock.nanoTime();
    double earned = rate * (now - lastRefillNanos) / NANOS_PER_SECOND;
    balance = Math.min(burstCapacity(), balance + earned);
    lastRefillNanos = now;
  }

  private static void requireRate(double unitsPerSecond) {
    // Zero is refused rather than meaning "stop": a budget that never refills would block forever.
    if (!(unitsPerSecond > 0) || Double.isInfinite(unitsPerSecond)) {
      throw new IllegalArgumentException(
          "capacity rate must be a positive number of units per second, was " + unitsPerSecond);
    }
  }
}
