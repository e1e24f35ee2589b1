package io.ddbio.cli.throughput;

import io.ddbio.tool.Arguments;
import io.ddbio.tool.UsageException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The benchmark's command line.
 *
 * @param help {@code --help} was given
 * @param scenarios the scenarios to run, in order
 * @param capacity the provisioned capacity of the tables, and the explicit budget of the on-demand
 *     scenarios, in units per second
 * @param seconds how long a job at the full capacity should take; sizes the data
 * @param items items in the export's table and in the import's backup, instead of sizing them from
 *     {@code seconds}
 * @param mapThreads map tasks the LocalJobRunner runs at once
 * @param splits map tasks of each job (scan segments, backup files), more than {@code mapThreads}
 * @param workDir where the export's files, the backup, the logs and the CSV files go
 * @param chartDir where the charts go
 */
record BenchmarkOptions(
    boolean help,
    List<Scenario> scenarios,
    long capacity,
    int seconds,
    OptionalInt items,
    int mapThreads,
    int splits,
    Path workDir,
    Path chartDir) {

  static final String USAGE =
      String.join(
          "\n",
          "Usage: ./ddbio throughput-benchmark [--scenario NAME|all] [--capacity 1000]",
          "         [--seconds 30] [--items N] [--map-threads 4] [--splits 12]",
          "         [--work-dir DIR] [--charts docs/images]",
          "",
          "Runs the export and the import against DynamoDB Local behind the capacity",
          "emulator (no burst credit) and compares the capacity they consume with their",
          "target, second by second. Scenarios:",
          "  " + String.join(", ", Scenario.names()),
          "--seconds sizes the data so that a job at the full capacity takes about that",
          "long; --items sets the items of the export's table and of the import's backup",
          "instead (4 KB items: about one read unit and four write units each).",
          "Charts go to --charts as throughput-<scenario>.png; CSV files and the jobs'",
          "logs to --work-dir.",
          "");

  private static final Set<String> VALUED =
      Set.of(
          "scenario",
          "capacity",
          "seconds",
          "items",
          "map-threads",
          "splits",
          "work-dir",
          "charts");

  /**
   * Parses the arguments.
   *
   * @throws UsageException naming what is wrong
   */
  static BenchmarkOptions parse(String[] args) {
    Arguments a = Arguments.parse(args, VALUED, Set.of("help"));
    if (a.flag("help")) {
      return new BenchmarkOptions(
          true, List.of(), 0, 0, OptionalInt.empty(), 0, 0, Path.of("."), Path.of("."));
    }
    if (!a.positional().isEmpty()) {
      throw new UsageException("Unexpected argument " + a.positional().get(0));
    }
    String name = a.option("scenario").orElse("all");
    List<Scenario> scenarios =
        name.equals("all")
            ? Scenario.all()
            : Scenario.all().stream().filter(s -> s.name().equals(name)).toList();
    if (scenarios.isEmpty()) {
      throw new UsageException(
          "Unknown scenario \"" + name + "\"; one of: all, " + String.join(", ", Scenario.names()));
    }
    int capacity = positive(a, "capacity", 1000);
    int seconds = positive(a, "seconds", 30);
    OptionalInt items =
        a.option("items").isPresent()
            ? OptionalInt.of(positive(a, "items", 0))
            : OptionalInt.empty();
    int mapThreads = positive(a, "map-threads", 4);
    int splits = positive(a, "splits", 12);
    if (splits <= mapThreads) {
      throw new UsageException(
          "--splits (" + splits + ") must be more than --map-threads (" + mapThreads + ")");
    }
    Path workDir =
        Path.of(
            a.option("work-dir")
                .orElse(
                    "ddbio-benchmark/throughput-"
                        + LocalDateTime.now()
                            .format(DateTimeFormatter.ofPattern("yyyy-MM-dd-HH-mm-ss"))));
    Path chartDir = Path.of(a.option("charts").orElse("docs/images"));
    return new BenchmarkOptions(
        false,
        scenarios,
        capacity,
        seconds,
        items,
        mapThreads,
        splits,
        workDir.toAbsolutePath(),
        chartDir.toAbsolutePath());
  }

  private static int positive(Arguments a, String name, int fallback) {
    if (a.option(name).isEmpty()) {
      return fallback;
    }
    int value = Arguments.integer(a.option(name).get(), "--" + name);
    if (value < 1) {
      throw new UsageException("--" + name + " must be at least 1, was " + value);
    }
    return value;
  }
}
