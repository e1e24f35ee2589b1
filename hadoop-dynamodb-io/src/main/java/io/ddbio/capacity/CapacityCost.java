package io.ddbio.capacity;

/**
 * What DynamoDB charges for the requests the jobs make, in capacity units (provisioned tables) or
 * request units (on-demand tables, which count the same way): the one place that knows the unit
 * sizes, for the scanner's page sizes, the writer's accounting and the plans printed before a run.
 *
 * <p>Standard table class; reads and writes of global secondary indexes are charged apart, on each
 * index's own capacity, and are not counted here.
 */
public final class CapacityCost {
  /** Bytes one read unit reads strongly consistent; an eventually consistent read costs half. */
  public static final double READ_UNIT_BYTES = 4096;

  /** Bytes one write unit writes; an item is charged whole units, rounded up. */
  public static final double WRITE_UNIT_BYTES = 1024;

  private CapacityCost() {}

  /**
   * Read units a scan of {@code bytes} of items costs. A scan is charged the size of every item it
   * evaluates, so a filter does not make it cheaper, nor does a projection; each page is rounded up
   * to a whole 4 KB, which a scan of 1 MB pages adds less than 1% to and is left out here.
   */
  public static double scanUnits(double bytes, boolean consistentRead) {
    double units = Math.max(0, bytes) / READ_UNIT_BYTES;
    return consistentRead ? units : units / 2;
  }

  /** Write units a put of an item of {@code itemBytes} costs: one per 1 KB begun, at least one. */
  public static long putUnits(double itemBytes) {
    return Math.max(1, (long) Math.ceil(itemBytes / WRITE_UNIT_BYTES));
  }
}
