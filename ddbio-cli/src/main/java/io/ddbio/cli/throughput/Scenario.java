package io.ddbio.cli.throughput;

import io.ddbio.testkit.emulator.Consumption;
import java.util.List;
import java.util.Locale;

/**
 * One measured run of the throughput benchmark: a job at a share of a table's capacity, on a
 * provisioned or on-demand table, with the capacity changes made while it runs.
 *
 * @param name what the scenario is called on the command line and in file names
 * @param job the export or the import
 * @param percent the job's share of the capacity ({@code dynamodb.throughput.*.percent})
 * @param onDemand whether the table is on demand, with an explicit budget instead of provisioned
 *     capacity
 * @param changes capacity changes made while the job runs, in time order
 */
record Scenario(
    String name, Job job, double percent, boolean onDemand, List<CapacityChange> changes) {

  /** Which tool the scenario runs. */
  enum Job {
    EXPORT,
    IMPORT;

    String lowerCase() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * A change of the provisioned capacity while the job runs, as UpdateTable or auto scaling makes.
   *
   * @param atSecond seconds after the job's first request
   * @param factor the new capacity as a multiple of the benchmark's capacity
   */
  record CapacityChange(int atSecond, double factor) {}

  Scenario {
    changes = List.copyOf(changes);
  }

  /**
   * Every scenario, in the order {@code all} runs them: export and import at half and all of a
   * provisioned table, on an on-demand table with an explicit budget, and with the capacity halved
   * and then raised to one and a half times while the job runs. The capacity changes run at a
   * quarter of the capacity, so that the data (sized for half a minute at the full capacity) lasts
   * while the job takes up to the default refresh, 30 s, to notice each change.
   */
  static List<Scenario> all() {
    List<CapacityChange> changes =
        List.of(new CapacityChange(10, 0.5), new CapacityChange(50, 1.5));
    return List.of(
        new Scenario("export-0.5", Job.EXPORT, 0.5, false, List.of()),
        new Scenario("export-1.0", Job.EXPORT, 1.0, false, List.of()),
        new Scenario("export-on-demand", Job.EXPORT, 1.0, true, List.of()),
        new Scenario("export-capacity-change", Job.EXPORT, 0.25, false, changes),
        new Scenario("import-0.5", Job.IMPORT, 0.5, false, List.of()),
        new Scenario("import-1.0", Job.IMPORT, 1.0, false, List.of()),
        new Scenario("import-on-demand", Job.IMPORT, 1.0, true, List.of()),
        new Scenario("import-capacity-change", Job.IMPORT, 0.25, false, changes));
  }

  /** The capacity the job consumes: reads for an export, writes for an import. */
  Consumption.Direction direction() {
    return job == Job.EXPORT ? Consumption.Direction.READ : Consumption.Direction.WRITE;
  }

  /** The scenario's names, for the usage and errors. */
  static List<String> names() {
    return all().stream().map(Scenario::name).toList();
  }
}
