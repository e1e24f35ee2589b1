package io.ddbio.testkit.emulator;

/** How many leading requests of a batch a capacity budget affords. */
final class BatchSplit {
  /** Slack for the rounding of a balance refilled by fractions of a unit. */
  private static final double EPSILON = 1e-9;

  private BatchSplit() {}

  /**
   * Counts the leading requests whose costs add up to no more than the balance.
   *
   * <p>When even the first request costs more than the balance, it is still afforded once the
   * bucket is full: a request dearer than the whole bucket could otherwise never be written.
   *
   * @param costs the estimated cost of each request, in order, each positive
   * @param balance the units available; none is afforded when it is negative (in debt)
   * @param bucketSize the most units the bucket can hold
   * @return how many leading requests fit, 0 to {@code costs.length}
   */
  static int affordable(double[] costs, double balance, double bucketSize) {
    if (costs.length == 0 || balance < 0) {
      return 0;
    }
    int count = 0;
    double spent = 0;
    while (count < costs.length && spent + costs[count] <= balance + EPSILON) {
      spent += costs[count];
      count++;
    }
    if (count == 0 && balance >= bucketSize - EPSILON) {
      return 1;
    }
    return count;
  }
}
