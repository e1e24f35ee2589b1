package io.ddbio.export;

import io.ddbio.capacity.CapacityCost;
import io.ddbio.config.DdbioKeys;
import io.ddbio.config.ScanOptions;
import io.ddbio.dynamodb.TableInfo;
import io.ddbio.scan.ScanPlanner;
import io.ddbio.tool.PlanRequest;
import io.ddbio.tool.RunPlan;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The plan of an export ({@code --plan}), from the table's description and the splits the job would
 * get: nothing else is asked of DynamoDB, and no item is read.
 */
final class ExportPlan {
  private ExportPlan() {}

  /**
   * @param splits the splits of the scan, as the job would plan them
   * @param mapSlots the cluster's map slots, 0 when unknown
   * @param onDemand why an on-demand table without a given budget runs at its rate, if it is one
   */
  static RunPlan of(
      String title,
      TableInfo table,
      ScanOptions scan,
      List<ScanPlanner.SplitPlan> splits,
      int mapSlots,
      PlanRequest request,
      Optional<String> onDemand) {
    ScanPlanner.SplitPlan first = splits.get(0);
    double percent = scan.throughput().percent();
    double jobRate = first.tableReadUnits() * percent;
    int atOnce = ScanPlanner.concurrentTasks(scan, splits.size(), mapSlots);
    String capacity =
        scan.throughput().explicitUnits().isPresent()
            ? String.format(
                Locale.ROOT, "the %,.0f read units/s of --read-units", jobRate / percent)
            : String.format(
                Locale.ROOT, "the table's %,d provisioned read units", table.readUnits());
    String why =
        onDemand.orElse(RunPlan.plain(percent) + " (--read-ratio) of " + capacity)
            + String.format(Locale.ROOT, ", %,.1f per task", first.readUnitsPerSecond());

    String items =
        String.format(
                Locale.ROOT,
                "about %,d items, %s, as DynamoDB last counted them (about every six hours)",
                table.itemCount(),
                RunPlan.bytes(table.sizeBytes()))
            + (scan.expressions().filter().isPresent()
                ? "; the filter keeps some of them, but the scan reads and is charged for all"
                : "");
    String tasks =
        String.format(
            Locale.ROOT,
            "%,d segments in %,d splits: %,d map tasks, %s",
            first.totalSegments(),
            splits.size(),
            splits.size(),
            atOnce(atOnce, mapSlots, scan));
    RunPlan.Work work =
        RunPlan.Work.about(
            CapacityCost.scanUnits(table.sizeBytes(), scan.consistentRead()),
            RunPlan.bytes(table.sizeBytes())
                + " scanned, "
                + (scan.consistentRead()
                    ? "strongly consistent: one unit a 4 KB"
                    : "eventually consistent: half a unit a 4 KB"));
    return new RunPlan(
        title,
        items,
        tasks,
        new RunPlan.Rate("read", jobRate, why),
        work,
        table.onDemand(),
        request.pricePerMillion());
  }

  private static String atOnce(int atOnce, int mapSlots, ScanOptions scan) {
    String n = String.format(Locale.ROOT, "%,d at a time", atOnce);
    if (scan.throughput().concurrentTasks().isPresent()) {
      return n + " (" + DdbioKeys.CONCURRENT_TASKS.name() + ")";
    }
    return mapSlots > 0
        ? n + String.format(Locale.ROOT, " (the cluster runs %,d maps at once)", mapSlots)
        : n + " (the cluster's map slots are unknown)";
  }
}
