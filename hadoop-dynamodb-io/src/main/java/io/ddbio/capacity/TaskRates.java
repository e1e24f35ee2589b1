package io.ddbio.capacity;

import io.ddbio.config.ThroughputOptions;
import io.ddbio.dynamodb.TableInfo;

/**
 * From a table and the user's throughput options to the capacity units per second one task may
 * consume. The percent applies to the whole job; the job's rate is shared among the tasks that run
 * at once.
 */
public final class TaskRates {
  private TaskRates() {}

  /**
   * The table's capacity in one direction: the explicit units when set, else the provisioned units.
   *
   * @param provisioned the table's provisioned units in this direction (0 when on demand)
   * @param unitsKey the key that sets explicit units, named in the error for on-demand tables
   * @throws IllegalArgumentException for an on-demand table without explicit units
   */
  public static double tableUnits(
      TableInfo table, long provisioned, ThroughputOptions throughput, String unitsKey) {
    return CapacityShare.tableRate(
        table.name(),
        table.onDemand() ? 0L : provisioned,
        throughput.explicitUnits().orElse(null),
        unitsKey);
  }

  /** One task's rate when {@code concurrentTasks} tasks share the job's budget. */
  public static double perTask(
      double tableUnits, ThroughputOptions throughput, int concurrentTasks) {
    return CapacityShare.perTaskRate(tableUnits, throughput.percent(), concurrentTasks);
  }
}
