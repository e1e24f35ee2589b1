package io.ddbio.testkit.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** How many leading requests of a BatchWriteItem a budget affords. */
class TestBatchSplit {
  private static final double[] FIVE_ONES = {1, 1, 1, 1, 1};

  @Test
  void affordsTheLeadingRequestsWhoseCostsFitTheBalance() {
    assertEquals(3, BatchSplit.affordable(FIVE_ONES, 3, 10));
    assertEquals(3, BatchSplit.affordable(FIVE_ONES, 3.9, 10));
    assertEquals(5, BatchSplit.affordable(FIVE_ONES, 25, 100));
    assertEquals(2, BatchSplit.affordable(new double[] {2, 3, 1, 1}, 5.5, 10), "in order");
  }

  @Test
  void affordsNoneWithAnEmptyBalanceOrInDebt() {
    assertEquals(0, BatchSplit.affordable(FIVE_ONES, 0, 10));
    assertEquals(0, BatchSplit.affordable(FIVE_ONES, 0.99, 10));
    assertEquals(0, BatchSplit.affordable(FIVE_ONES, -3, 10));
    assertEquals(0, BatchSplit.affordable(new double[0], 10, 10));
  }

  @Test
  void toleratesTheRoundingOfAFractionalRefill() {
    assertEquals(3, BatchSplit.affordable(FIVE_ONES, 3 - 1e-12, 10));
  }

  @Test
  void aRequestDearerThanTheWholeBucketPassesOnceTheBucketIsFull() {
    double[] costs = {8, 1};

    assertEquals(0, BatchSplit.affordable(costs, 4.9, 5));
    assertEquals(1, BatchSplit.affordable(costs, 5, 5));
  }
}
