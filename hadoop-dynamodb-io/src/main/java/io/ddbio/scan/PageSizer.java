package io.ddbio.scan;

import io.ddbio.capacity.CapacityCost;

/**
 * Chooses each Scan page's {@code Limit} so a page costs about what the budget holds.
 *
 * <p>Scan capacity is charged on the bytes a page reads: one unit per 4 KB, half that when
 * eventually consistent. The cost of an item is first guessed from the table's average item size
 * and then learnt from what DynamoDB reports, per item <em>scanned</em> (a filter does not make a
 * page cheaper). A {@code Limit} is always set: without one DynamoDB Local makes every page cost
 * time in proportion to the whole table, and the real service would return 1 MB pages that
 * overshoot a small budget.
 */
public final class PageSizer {
  /** Weight of the newest page in the running estimate: adapts within a few pages. */
  private static final double SMOOTHING = 0.3;

  private final int maxItems;
  private double unitsPerItem;

  /**
   * @param maxItems most items per page
   * @param averageItemBytes first guess of an item's size
   * @param consistentRead whether reads cost full units
   */
  public PageSizer(int maxItems, double averageItemBytes, boolean consistentRead) {
    if (maxItems < 1) {
      throw new IllegalArgumentException("maxItems must be at least 1");
    }
    this.maxItems = maxItems;
    this.unitsPerItem = CapacityCost.scanUnits(Math.max(1, averageItemBytes), consistentRead);
  }

  /** Capacity a full page is expected to cost; what to ask the budget for. */
  public double fullPageUnits() {
    return maxItems * unitsPerItem;
  }

  /** Capacity a page of {@code limit} items is expected to cost; what to take as it is sent. */
  public double pageUnits(int limit) {
    return limit * unitsPerItem;
  }

  /** The page limit affordable with {@code availableUnits}, at least 1. */
  public int limitFor(double availableUnits) {
    double affordable = Math.floor(availableUnits / unitsPerItem);
    return (int) Math.max(1, Math.min(maxItems, affordable));
  }

  /** Learns from a page: {@code consumedUnits} charged for {@code scannedCount} items scanned. */
  public void observe(double consumedUnits, int scannedCount) {
    if (scannedCount > 0 && consumedUnits > 0) {
      double observed = consumedUnits / scannedCount;
      unitsPerItem = unitsPerItem * (1 - SMOOTHING) + observed * SMOOTHING;
    }
  }
}
