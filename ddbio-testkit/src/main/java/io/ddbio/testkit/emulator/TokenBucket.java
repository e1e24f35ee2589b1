package io.ddbio.testkit.emulator;

/**
 * One direction (read or write) of one table's provisioned capacity: a token bucket refilled at the
 * provisioned rate, keeping unused capacity as burst credit, and charged with what requests
 * consume.
 *
 * <p>Requests are charged after the fact, with the capacity DynamoDB reports, so the balance may go
 * negative: the table is then in debt and refuses requests until the refill has paid the debt off.
 * The bucket holds at most {@code max(1, burstSeconds)} seconds of capacity: one second's worth is
 * the least that lets a request whose cost is known in advance (a batch of writes) fit at all.
 *
 * <p>A new bucket starts empty, like a table that has not had time to save any burst credit. Times
 * are {@link System#nanoTime()} values passed in by the caller, so that tests can use a fake clock.
 * Thread-safe.
 */
final class TokenBucket {
  private static final double NANOS_PER_SECOND = 1e9;

  private double unitsPerSecond;
  private double burstSeconds;
  private double balance;
  private long refilledAt;

  /**
   * A bucket with nothing saved yet.
   *
   * @param unitsPerSecond the provisioned rate, positive and finite
   * @param burstSeconds how many seconds of unused capacity may be saved, finite and not negative
   * @param nowNanos the current time
   */
  TokenBucket(double unitsPerSecond, double burstSeconds, long nowNanos) {
    this.unitsPerSecond = checkRate(unitsPerSecond);
    this.burstSeconds = checkBurstSeconds(burstSeconds);
    this.refilledAt = nowNanos;
  }

  static double checkRate(double unitsPerSecond) {
    if (!(unitsPerSecond > 0) || Double.isInfinite(unitsPerSecond)) {
      throw new IllegalArgumentException(
          "Capacity must be a positive finite number of units per second, not " + unitsPerSecond);
    }
    return unitsPerSecond;
  }

  static double checkBurstSeconds(double burstSeconds) {
    if (!(burstSeconds >= 0) || Double.isInfinite(burstSeconds)) {
      throw new IllegalArgumentException(
          "Burst must be a finite number of seconds, 0 or more, not " + burstSeconds);
    }
    return burstSeconds;
  }

  /** The units available now; negative when the bucket is in debt. */
  synchronized double balance(long nowNanos) {
    refill(nowNanos);
    return balance;
  }

  /** The most units the bucket holds. */
  synchronized double size() {
    return unitsPerSecond * Math.max(1, burstSeconds);
  }

  /**
   * Takes {@code units} unless the bucket is in debt; taking may put it in debt.
   *
   * @param units the cost known before the request is sent, 0 for a read
   * @return whether the request may be sent
   */
  synchronized boolean tryTake(double units, long nowNanos) {
    refill(nowNanos);
    if (balance < 0) {
      return false;
    }
    balance -= units;
    return true;
  }

  /**
   * Takes the cost of as many leading requests of a batch as the balance affords, as {@link
   * BatchSplit#affordable} counts them.
   *
   * @param costs the estimated cost of each request, in order
   * @return how many leading requests were paid for
   */
  synchronized int takeLeading(double[] costs, long nowNanos) {
    refill(nowNanos);
    int count = BatchSplit.affordable(costs, balance, size());
    for (int i = 0; i < count; i++) {
      balance -= costs[i];
    }
    return count;
  }

  /**
   * Charges units consumed; a negative amount gives back what was taken in advance and not used.
   */
  synchronized void charge(double units, long nowNanos) {
    refill(nowNanos);
    balance = Math.min(size(), balance - units);
  }

  /** Changes the rate from now on; credit saved beyond the new size is lost. */
  synchronized void setUnitsPerSecond(double unitsPerSecond, long nowNanos) {
    checkRate(unitsPerSecond);
    refill(nowNanos);
    this.unitsPerSecond = unitsPerSecond;
    balance = Math.min(size(), balance);
  }

  /** Changes how much unused capacity may be saved; credit beyond the new size is lost. */
  synchronized void setBurstSeconds(double burstSeconds, long nowNanos) {
    checkBurstSeconds(burstSeconds);
    refill(nowNanos);
    this.burstSeconds = burstSeconds;
    balance = Math.min(size(), balance);
  }

  private void refill(long nowNanos) {
    long elapsed = nowNanos - refilledAt;
    // A clock read before another thread's later one must not turn time back.
    if (elapsed > 0) {
      balance = Math.min(size(), balance + unitsPerSecond * (elapsed / NANOS_PER_SECOND));
      refilledAt = nowNanos;
    }
  }
}
