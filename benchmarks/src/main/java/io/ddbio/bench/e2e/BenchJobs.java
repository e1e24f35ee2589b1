package io.ddbio.bench.e2e;

import io.ddbio.config.DdbioKeys;
import io.ddbio.export.ExportTool;
import io.ddbio.importer.ImportTool;
import io.ddbio.metrics.DdbioCounter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.mapreduce.Counters;
import org.apache.hadoop.util.Tool;
import org.apache.hadoop.util.ToolRunner;

/**
 * The two jobs the harness measures: our real tools, {@link ExportTool} and {@link ImportTool}, run
 * through {@link ToolRunner} as {@code hadoop jar} runs them, on Hadoop's LocalJobRunner and the
 * local disk. So everything a user's export or import does is timed: the pre-flight describe and
 * checks, the scan with its capacity budget, the Data Pipeline lines, the per-file digests, the
 * committer, the manifest and {@code ddbio-export.json}; and on import the manifest and checksum
 * checks, the key-schema check, decoding, the item checks and the batch writer.
 *
 * <ul>
 *   <li>export: T segments, at most T map tasks, T map threads, so one file per segment;
 *   <li>import: one task per file (the tool never splits a file), T map threads.
 * </ul>
 *
 * <p>The capacity budget is set far above what DynamoDB Local can do, so that it never paces the
 * jobs: the comparison is with raw requests that have no budget at all. Its cost (the consumed
 * capacity the library asks for on every request) stays in, as it would on the real service.
 */
final class BenchJobs {
  /** Read and write capacity the jobs budget against: far beyond DynamoDB Local's speed. */
  static final String UNLIMITED_UNITS = "10000000";

  private BenchJobs() {}

  /** Where DynamoDB Local is and how the jobs run on this machine. */
  record Setup(URI endpoint, Path workDir, int threads, int pageLimit) {}

  /**
   * Exports {@code table} into {@code output} (which must not exist) with the export tool.
   *
   * @return the job's counters
   * @throws IllegalStateException with the tool's output if it does not exit 0
   */
  static Counters export(Setup setup, String table, Path output) throws Exception {
    String t = Integer.toString(setup.threads());
    Configuration conf = localConf(setup, "export-" + table);
    conf.setInt(DdbioKeys.SCAN_PAGE_LIMIT.name(), setup.pageLimit());
    ExportTool tool = new ExportTool(quiet.out(), quiet.err());
    run(
        "export of " + table,
        conf,
        tool,
        List.of(
            output.toAbsolutePath().toUri().toString(),
            table,
            "1.0",
            t,
            "--max-map-tasks",
            t,
            "--read-units",
            UNLIMITED_UNITS,
            "--endpoint",
            setup.endpoint().toString(),
            "--region",
            "us-east-1"));
    return tool.counters();
  }

  /**
   * Imports the export in {@code input} into {@code table} with the import tool.
   *
   * @return the job's counters
   * @throws IllegalStateException with the tool's output if it does not exit 0
   */
  static Counters importInto(Setup setup, Path input, String table) throws Exception {
    Configuration conf = localConf(setup, "import-" + table);
    ImportTool tool = new ImportTool(quiet.out(), quiet.err());
    run(
        "import into " + table,
        conf,
        tool,
        List.of(
            input.toAbsolutePath().toUri().toString(),
            table,
            "1.0",
            "--write-units",
            UNLIMITED_UNITS,
            "--endpoint",
            setup.endpoint().toString(),
            "--region",
            "us-east-1"));
    return tool.counters().orElseThrow();
  }

  /** The tools' output, kept only to show it when a run fails. */
  private static final Output quiet = new Output();

  private static final class Output {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream stream = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    PrintStream out() {
      return stream;
    }

    PrintStream err() {
      return stream;
    }

    String drain() {
      String text = bytes.toString(StandardCharsets.UTF_8);
      bytes.reset();
      return text;
    }
  }

  private static void run(String what, Configuration conf, Tool tool, List<String> args)
      throws Exception {
    quiet.drain();
    int status = ToolRunner.run(conf, tool, args.toArray(String[]::new));
    String printed = quiet.drain();
    if (status != 0) {
      throw new IllegalStateException(
          "The " + what + " exited with status " + status + ":\n" + printed);
    }
  }

  /** What a finished job did, from its counters. */
  static Meter.Done done(Counters counters, DdbioCounter items, DdbioCounter requests) {
    return new Meter.Done(
        counters.findCounter(items).getValue(),
        counters.findCounter(requests).getValue(),
        counters.findCounter(DdbioCounter.BUDGET_WAIT_MILLIS).getValue());
  }

  private static Configuration localConf(Setup setup, String name) {
    Configuration conf = new Configuration();
    conf.set("mapreduce.framework.name", "local");
    conf.set("fs.defaultFS", "file:///");
    Path scratch = setup.workDir().resolve("hadoop").resolve(name);
    conf.set("hadoop.tmp.dir", scratch.resolve("tmp").toString());
    conf.set("mapreduce.jobtracker.staging.root.dir", scratch.resolve("staging").toString());
    conf.setInt("mapreduce.local.map.tasks.maximum", setup.threads());
    // The client otherwise checks for completion every 5 s, which would be counted as job time.
    conf.setInt("mapreduce.client.completion.pollinterval", 50);
    // DynamoDB Local accepts any key; fixed ones keep the SDK from searching for credentials.
    conf.set(DdbioKeys.ACCESS_KEY.name(), "local");
    conf.set(DdbioKeys.SECRET_KEY.name(), "local");
    return conf;
  }
}
