package io.ddbio.cli.throughput;

import io.ddbio.testkit.emulator.Consumption;
import io.ddbio.testkit.emulator.EmulatedDynamoDb;
import io.ddbio.tool.UsageException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code ./ddbio throughput-benchmark}: runs the export and the import against DynamoDB Local
 * behind the capacity emulator and measures how closely the capacity they consume follows their
 * target: for each scenario, progress every few seconds, then consumed/target over the whole job,
 * throttled requests, and for capacity changes the time the job took to follow. Writes a CSV and a
 * PNG chart per scenario.
 *
 * <p>The emulator keeps no burst credit (DynamoDB's 300 s would let a short job run well above the
 * provisioned rate), so what the table serves is what the job asks for up to the provisioned rate
 * and never more.
 */
public final class ThroughputBenchmark {
  private ThroughputBenchmark() {}

  /**
   * Runs the benchmark.
   *
   * @return 0 when every job succeeded, 1 when one failed, 2 for a usage error
   */
  public static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
    BenchmarkOptions options;
    try {
      options = BenchmarkOptions.parse(args);
    } catch (UsageException e) {
      err.println(e.getMessage());
      err.println();
      err.print(BenchmarkOptions.USAGE);
      return 2;
    }
    if (options.help()) {
      out.print(BenchmarkOptions.USAGE);
      return 0;
    }
    System.setProperty("java.awt.headless", "true");
    Files.createDirectories(options.workDir());
    out.printf(
        "Throughput benchmark: %s; capacity %,d units/s; %d map threads, %d splits; work dir %s%n",
        options.scenarios().stream().map(Scenario::name).collect(Collectors.joining(", ")),
        options.capacity(),
        options.mapThreads(),
        options.splits(),
        options.workDir());
    List<ScenarioResult> results = new ArrayList<>();
    try (EmulatedDynamoDb dynamoDb = EmulatedDynamoDb.start()) {
      dynamoDb.emulator().setBurstSeconds(0);
      BenchmarkData data = BenchmarkData.prepare(dynamoDb, options, out);
      ScenarioRunner runner = new ScenarioRunner(dynamoDb, options, data, out);
      for (Scenario scenario : options.scenarios()) {
        ScenarioResult result = runner.run(scenario);
        results.add(result);
        Path csv = options.workDir().resolve("throughput-" + scenario.name() + ".csv");
        Path png = options.chartDir().resolve("throughput-" + scenario.name() + ".png");
        ResultCsv.write(result, csv);
        ThroughputChart.write(result, png);
        out.println(summary(result));
        out.printf("  %s%n  %s%n", csv, png);
      }
    }
    out.printf("%n%s", SummaryTable.markdown(results));
    boolean allSucceeded = results.stream().allMatch(r -> r.exitStatus() == 0);
    if (!allSucceeded) {
      err.println("A job failed; see its log in " + options.workDir());
    }
    return allSucceeded ? 0 : 1;
  }

  private static String summary(ScenarioResult result) {
    Consumption job = result.job();
    StringBuilder sb =
        new StringBuilder(
            String.format(
                "%s: %s in %d s; consumed %,.1f units/s, target %,.1f: %.1f%%; throttled %,d of"
                    + " %,d requests (%.2f%%); %,d items returned unprocessed",
                result.scenario().name(),
                result.exitStatus() == 0 ? "succeeded" : "FAILED (" + result.exitStatus() + ")",
                result.seconds().size(),
                job.unitsPerSecond(),
                job.targetUnits() / Math.max(1, job.seconds()),
                100 * job.ratio(),
                job.throttledRequests(),
                job.requests(),
                100 * job.throttledShare(),
                job.unprocessedItems()));
    for (ScenarioResult.Follow f : result.follows()) {
      sb.append(
          String.format(
              "%n  target %,.0f units/s from %d s: %s",
              f.change().unitsPerSecond(),
              f.change().fromSecond() - result.firstSecond(),
              f.seconds().isPresent()
                  ? "followed in " + f.seconds().getAsInt() + " s"
                  : "not followed"));
    }
    return sb.toString();
  }
}
