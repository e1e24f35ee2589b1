package io.ddbio.scan;

import io.ddbio.capacity.TaskRates;
import io.ddbio.config.DdbioKeys;
import io.ddbio.config.ScanOptions;
import io.ddbio.dynamodb.TableInfo;
import java.util.ArrayList;
import java.util.List;

/**
 * Plans a parallel scan: how many segments, how they are grouped into splits, and each split's read
 * rate. Everything here is decided once, when the job is submitted.
 */
public final class ScanPlanner {
  /** Item size assumed when the table's statistics are empty (new or tiny tables). */
  static final double DEFAULT_ITEM_BYTES = 1024;

  private ScanPlanner() {}

  /**
   * One split of the plan.
   *
   * @param firstSegment the first segment of the split
   * @param segmentCount how many consecutive segments
   * @param totalSegments segments of the whole scan
   * @param readUnitsPerSecond the split's task's read rate
   * @param tableReadUnits the table's read capacity the job's percent applies to
   * @param averageItemBytes the table's average item size
   * @param estimatedBytes the split's share of the table's size
   */
  public record SplitPlan(
      int firstSegment,
      int segmentCount,
      int totalSegments,
      double readUnitsPerSecond,
      double tableReadUnits,
      double averageItemBytes,
      long estimatedBytes) {}

  /**
   * @param table the described table
   * @param options the scan options
   * @param clusterMapSlots map tasks the cluster runs at once, 0 when unknown
   */
  public static List<SplitPlan> plan(TableInfo table, ScanOptions options, int clusterMapSlots) {
    return plan(table, options, clusterMapSlots, SegmentSet.empty());
  }

  /**
   * The plan of a scan that leaves out the segments read already, for a resumed export: only the
   * other segments are in splits, and the rate is shared among the tasks that are left.
   *
   * @param done segments not to read again; when not empty, {@code options} must give the total
   *     segments, since they are those of the scan being resumed
   * @return the splits, empty when every segment is done
   * @throws IllegalArgumentException when segments are done but the total is not given, or a done
   *     segment is outside the scan
   */
  public static List<SplitPlan> plan(
      TableInfo table, ScanOptions options, int clusterMapSlots, SegmentSet done) {
    if (!done.isEmpty() && options.segments().isEmpty()) {
      throw new IllegalArgumentException(
          "a scan that leaves out segments read already needs its total segments ("
              + DdbioKeys.SCAN_SEGMENTS.name()
              + ")");
    }
    double tableUnits =
        TaskRates.tableUnits(
            table, table.readUnits(), options.throughput(), DdbioKeys.READ_UNITS.name());
    double jobRate = tableUnits * options.throughput().percent();
    int parallelism = Math.max(1, clusterMapSlots);
    int total =
        options.segments().isPresent()
            ? options.segments().getAsInt()
            : SegmentPlanner.totalSegments(table.sizeBytes(), jobRate, parallelism);
    List<SegmentRange> groups = SegmentPlanner.groupIntoSplits(total, options.maxSplits(), done);
    int concurrent = concurrentTasks(options, groups.size(), clusterMapSlots);
    double perTask = TaskRates.perTask(tableUnits, options.throughput(), concurrent);
    double avg = table.averageItemBytes(DEFAULT_ITEM_BYTES);

    List<SplitPlan> plans = new ArrayList<>(groups.size());
    for (SegmentRange g : groups) {
      long bytes = (long) ((double) table.sizeBytes() * g.count() / total);
      plans.add(new SplitPlan(g.first(), g.count(), total, perTask, tableUnits, avg, bytes));
    }
    return plans;
  }

  /**
   * How many of the scan's tasks share the budget at once: {@code dynamodb.concurrent.tasks} when
   * set, else one per split but no more than the cluster's map slots.
   *
   * @param splits the scan's splits
   * @param clusterMapSlots map tasks the cluster runs at once, 0 when unknown
   */
  public static int concurrentTasks(ScanOptions options, int splits, int clusterMapSlots) {
    if (options.throughput().concurrentTasks().isPresent()) {
      return options.throughput().concurrentTasks().getAsInt();
    }
    return Math.max(1, clusterMapSlots > 0 ? Math.min(splits, clusterMapSlots) : splits);
  }
}
