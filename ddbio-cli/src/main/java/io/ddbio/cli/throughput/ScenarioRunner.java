package io.ddbio.cli.throughput;

import io.ddbio.export.ExportTool;
import io.ddbio.importer.ImportTool;
import io.ddbio.testkit.LocalTrees;
import io.ddbio.testkit.emulator.Consumption;
import io.ddbio.testkit.emulator.EmulatedDynamoDb;
import io.ddbio.testkit.emulator.TableActivity;
import io.ddbio.testkit.emulator.TableStats;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.util.ToolRunner;

/**
 * Runs one scenario: sets the table's capacity, starts the job on the LocalJobRunner, and while it
 * runs prints the capacity consumed against the target every few seconds and makes the scenario's
 * capacity changes.
 */
final class ScenarioRunner {
  private static final long POLL_MILLIS = 250;
  private static final int REPORT_EVERY_SECONDS = 5;

  private final EmulatedDynamoDb dynamoDb;
  private final BenchmarkOptions options;
  private final BenchmarkData data;
  private final PrintStream out;

  ScenarioRunner(
      EmulatedDynamoDb dynamoDb, BenchmarkOptions options, BenchmarkData data, PrintStream out) {
    this.dynamoDb = dynamoDb;
    this.options = options;
    this.data = data;
    this.out = out;
  }

  ScenarioResult run(Scenario scenario) throws IOException, InterruptedException {
    String table =
        scenario.job() == Scenario.Job.EXPORT ? BenchmarkData.SOURCE : BenchmarkData.DESTINATION;
    data.setCapacity(table, scenario.onDemand(), options.capacity());
    TargetRate target = new TargetRate(options.capacity() * scenario.percent());
    out.printf(
        "%n%s: %s at %s of %s %,d units/s: target %,.0f units/s%n",
        scenario.name(),
        scenario.job().lowerCase(),
        scenario.percent(),
        scenario.onDemand() ? "an on-demand table's explicit budget of" : "a table provisioned at",
        options.capacity(),
        target.applyAsDouble(0));
    TableActivity activity = TableActivity.from(dynamoDb.emulator(), table);
    ExecutorService runner = Executors.newSingleThreadExecutor();
    try {
      Future<Integer> job = runner.submit(() -> runJob(scenario));
      watch(scenario, table, activity, target, job);
      int status = job.get();
      return new ScenarioResult(scenario, status, activity.seconds(), target);
    } catch (ExecutionException e) {
      throw new IOException(scenario.name() + ": the job could not run: " + e.getCause(), e);
    } finally {
      runner.shutdownNow();
    }
  }

  /** Reports progress and makes the capacity changes until the job ends. */
  private void watch(
      Scenario scenario,
      String table,
      TableActivity activity,
      TargetRate target,
      Future<Integer> job)
      throws InterruptedException, ExecutionException {
    long startNanos = 0;
    long firstSecond = -1;
    int changesMade = 0;
    long nextReport = REPORT_EVERY_SECONDS;
    while (true) {
      try {
        job.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
        return;
      } catch (TimeoutException stillRunning) {
        // Time for another look at the table.
      }
      List<TableStats.Second> seconds = activity.seconds();
      if (seconds.isEmpty()) {
        continue;
      }
      if (firstSecond < 0) {
        firstSecond = seconds.get(0).second();
        startNanos = System.nanoTime();
      }
      long elapsed = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - startNanos);
      while (changesMade < scenario.changes().size()
          && elapsed >= scenario.changes().get(changesMade).atSecond()) {
        Scenario.CapacityChange change = scenario.changes().get(changesMade++);
        long units = Math.round(options.capacity() * change.factor());
        data.setCapacity(table, false, units);
        target.change(firstSecond + change.atSecond(), units * scenario.percent());
        out.printf(
            "  %3d s  capacity changed to %,d units/s: target %,.0f units/s%n",
            change.atSecond(), units, units * scenario.percent());
      }
      if (elapsed >= nextReport) {
        report(seconds, scenario.direction(), target, firstSecond);
        nextReport += REPORT_EVERY_SECONDS;
      }
    }
  }

  /** Prints the last few whole seconds: the newest one is still being counted. */
  private void report(
      List<TableStats.Second> seconds,
      Consumption.Direction direction,
      TargetRate target,
      long firstSecond) {
    if (seconds.size() < 2) {
      return;
    }
    List<TableStats.Second> done = seconds.subList(0, seconds.size() - 1);
    List<TableStats.Second> recent =
        done.subList(Math.max(0, done.size() - REPORT_EVERY_SECONDS), done.size());
    Consumption c = Consumption.over(recent, direction, target);
    out.printf(
        "  %3d s  consumed %,7.1f units/s  target %,6.0f  (%5.1f%%)  throttled %,d of %,d"
            + " requests%n",
        recent.get(recent.size() - 1).second() - firstSecond + 1,
        c.unitsPerSecond(),
        c.targetUnits() / c.seconds(),
        100 * c.ratio(),
        c.throttledRequests(),
        c.requests());
  }

  /** Runs the scenario's tool, its output and the job's log going to {@code <scenario>.log}. */
  private int runJob(Scenario scenario) throws Exception {
    Path log = options.workDir().resolve(scenario.name() + ".log");
    Files.deleteIfExists(log);
    try (PrintStream toolOut =
            new PrintStream(Files.newOutputStream(log), true, StandardCharsets.UTF_8);
        JobLogs logs = JobLogs.to(options.workDir().resolve(scenario.name() + "-job.log"))) {
      List<String> args = new ArrayList<>();
      String units = Long.toString(options.capacity());
      if (scenario.job() == Scenario.Job.EXPORT) {
        Path output = options.workDir().resolve("export-" + scenario.name());
        LocalTrees.delete(output);
        args.addAll(List.of(output.toString(), BenchmarkData.SOURCE));
        args.add(Double.toString(scenario.percent()));
        // Strongly consistent: a read unit is 4 KB instead of 8, so DynamoDB Local has half the
        // bytes to serve for the same units.
        args.addAll(List.of("--segments", Integer.toString(options.splits()), "--consistent-read"));
        if (scenario.onDemand()) {
          args.addAll(List.of("--read-units", units));
        }
      } else {
        args.addAll(List.of(data.backup().toString(), BenchmarkData.DESTINATION));
        args.add(Double.toString(scenario.percent()));
        if (scenario.onDemand()) {
          args.addAll(List.of("--write-units", units));
        }
      }
      args.addAll(List.of("--endpoint", dynamoDb.endpoint().toString()));
      toolOut.println("args: " + String.join(" ", args));
      return ToolRunner.run(
          jobConf(scenario),
          scenario.job() == Scenario.Job.EXPORT
              ? new ExportTool(toolOut, toolOut)
              : new ImportTool(toolOut, toolOut),
          args.toArray(String[]::new));
    }
  }

  /** The LocalJobRunner, with the library's defaults for sharing and re-reading capacity. */
  private Configuration jobConf(Scenario scenario) {
    Configuration conf = new Configuration();
    conf.set("mapreduce.framework.name", "local");
    // Without this, every job waits five seconds after it has finished.
    conf.setInt("mapreduce.client.completion.pollinterval", 100);
    conf.setInt("mapreduce.local.map.tasks.maximum", options.mapThreads());
    conf.setBoolean("mapreduce.map.speculative", false);
    Path hadoop = options.workDir().resolve("hadoop").resolve(scenario.name());
    conf.set("hadoop.tmp.dir", hadoop.resolve("tmp").toString());
    conf.set("mapreduce.jobtracker.staging.root.dir", hadoop.resolve("staging").toString());
    return conf;
  }
}
