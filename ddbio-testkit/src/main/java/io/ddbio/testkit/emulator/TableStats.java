package io.ddbio.testkit.emulator;

import java.util.List;

/**
 * What the emulator saw of one table, at the moment {@link CapacityEmulator#stats} was called.
 *
 * <p>A request counts once for each table it names (a batch may name several) once it has passed
 * fault injection; a throttled request is one answered {@code
 * ProvisionedThroughputExceededException}; unprocessed items are the write requests handed back in
 * {@code UnprocessedItems}; consumed units are the ones DynamoDB Local reported, counted in the
 * second it answered (so a second may show more than the provisioned rate when requests admitted
 * earlier complete in it; averages over a few seconds match the rate).
 *
 * @param table the table name
 * @param requests requests that named the table
 * @param throttledRequests requests refused for the table's lack of capacity
 * @param unprocessedItems write requests returned unprocessed for the table
 * @param consumedReadUnits read capacity units consumed
 * @param consumedWriteUnits write capacity units consumed
 * @param timeline the same per second, without gaps, from the first second with activity to the
 *     last
 */
public record TableStats(
    String table,
    long requests,
    long throttledRequests,
    long unprocessedItems,
    double consumedReadUnits,
    double consumedWriteUnits,
    List<Second> timeline) {

  /** Copies the timeline, so that the record is immutable. */
  public TableStats {
    timeline = List.copyOf(timeline);
  }

  /**
   * One second of a table's activity.
   *
   * @param second whole seconds since the emulator started
   * @param requests requests that named the table
   * @param throttledRequests requests refused for the table's lack of capacity
   * @param unprocessedItems write requests returned unprocessed
   * @param readUnits read capacity units consumed
   * @param writeUnits write capacity units consumed
   */
  public record Second(
      long second,
      long requests,
      long throttledRequests,
      long unprocessedItems,
      double readUnits,
      double writeUnits) {}
}
