package io.ddbio.importer.job;

import io.ddbio.capacity.CapacityCost;
import io.ddbio.capacity.TaskRates;
import io.ddbio.config.DdbioKeys;
import io.ddbio.config.ThroughputOptions;
import io.ddbio.dynamodb.TableInfo;
import io.ddbio.tool.PlanRequest;
import io.ddbio.tool.RunPlan;
import java.util.Locale;
import java.util.Optional;

/**
 * The plan of an import ({@code --plan}), from the backup's manifests and the table's description:
 * no data file is read and nothing is written.
 */
public final class ImportPlan {
  private ImportPlan() {}

  /**
   * @param table the destination table, or the one {@code --create-table} would create
   * @param mapSlots the cluster's map slots, 0 when unknown
   * @param onDemand why an on-demand table without a given budget runs at its rate, if it is one
   * @throws IllegalArgumentException for an on-demand table without explicit write units
   */
  public static RunPlan of(
      String title,
      ImportSource source,
      TableInfo table,
      ThroughputOptions throughput,
      int mapSlots,
      PlanRequest request,
      Optional<String> onDemand) {
    double tableUnits =
        TaskRates.tableUnits(table, table.writeUnits(), throughput, DdbioKeys.WRITE_UNITS.name());
    int files = source.fileCount();
    int atOnce = ImportJob.concurrentTasks(files, mapSlots);
    String capacity =
        throughput.explicitUnits().isPresent()
            ? String.format(Locale.ROOT, "the %,.0f write units/s of --write-units", tableUnits)
            : String.format(
                Locale.ROOT, "the table's %,d provisioned write units", table.writeUnits());
    String why =
        onDemand.orElse(RunPlan.plain(throughput.percent()) + " (--write-ratio) of " + capacity)
            + String.format(
                Locale.ROOT, ", %,.1f per task", TaskRates.perTask(tableUnits, throughput, atOnce));

    long items = source.itemCount();
    String itemsLine =
        items > 0
            ? String.format(
                Locale.ROOT, "%,d items in %,d data files, as the backup records", items, files)
            : String.format(
                Locale.ROOT,
                "%,d data files; the backup does not record how many items (a Data Pipeline"
                    + " manifest)",
                files);
    String tasks =
        String.format(
            Locale.ROOT,
            "%,d map tasks, one a data file, %,d at a time%s",
            files,
            atOnce,
            mapSlots > 0
                ? String.format(Locale.ROOT, " (the cluster runs %,d maps at once)", mapSlots)
                : " (the cluster's map slots are unknown)");
    return new RunPlan(
        title,
        itemsLine,
        tasks,
        new RunPlan.Rate("write", tableUnits * throughput.percent(), why),
        work(items, source.itemSizes(), indexes(table)),
        table.onDemand(),
        request.pricePerMillion());
  }

  private static RunPlan.Work work(long items, Optional<ItemSizes> sizes, int indexes) {
    String alsoIndexes =
        indexes == 0
            ? ""
            : String.format(
                Locale.ROOT,
                "; besides, each of the table's %d global secondary indexes is charged for every"
                    + " item it projects, on its own capacity",
                indexes);
    if (items == 0) {
      return RunPlan.Work.unknown("the backup records neither its items nor their size");
    }
    if (sizes.isEmpty()) {
      return RunPlan.Work.atLeast(
          items,
          "one a put: the backup does not record its items' size, and a put is charged one unit"
              + " a 1 KB begun"
              + alsoIndexes);
    }
    double average = sizes.get().averageBytes();
    long perPut = CapacityCost.putUnits(average);
    return RunPlan.Work.about(
        (double) items * perPut,
        String.format(
                Locale.ROOT,
                "%,d a put: items of %s on average, from %s",
                perPut,
                RunPlan.bytes(Math.round(average)),
                sizes.get().basis())
            + alsoIndexes);
  }

  private static int indexes(TableInfo table) {
    return table.description() == null || !table.description().hasGlobalSecondaryIndexes()
        ? 0
        : table.description().globalSecondaryIndexes().size();
  }
}
