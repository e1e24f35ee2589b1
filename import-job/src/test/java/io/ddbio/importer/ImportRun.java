package io.ddbio.importer;

import io.ddbio.mapreduce.JobCounts;
import io.ddbio.metrics.DdbioCounter;
import io.ddbio.testing.LocalJobs;
import io.ddbio.testkit.junit.LocalDynamoDb;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.mapreduce.Counters;
import org.apache.hadoop.util.ToolRunner;

/**
 * One run of {@link ImportTool} through {@link ToolRunner} on the LocalJobRunner against DynamoDB
 * Local, and what it left behind.
 *
 * @param exit the exit status
 * @param out what the tool printed to standard output
 * @param err what it printed to standard error
 * @param counters the job's counters; null when no job ran
 */
record ImportRun(int exit, String out, String err, Counters counters) {

  /**
   * Runs the tool on two map threads with {@code args} plus {@code --endpoint} and {@code --region}
   * for {@code ddb}.
   */
  static ImportRun of(LocalDynamoDb ddb, Path tmp, String... args) throws Exception {
    return of(JobCounts.Source.HADOOP, ddb, tmp, args);
  }

  /**
   * As {@link #of(LocalDynamoDb, Path, String...)}, the job's counters read from {@code source}.
   */
  static ImportRun of(JobCounts.Source source, LocalDynamoDb ddb, Path tmp, String... args)
      throws Exception {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--endpoint", ddb.endpoint().toString(), "--region", "us-east-1"));
    return run(LocalJobs.conf(tmp.resolve("work"), 2), source, all);
  }

  /**
   * Runs the tool with {@code args} plus {@code --endpoint endpoint}, for the rate and fault tests
   * against the capacity emulator.
   *
   * @param conf the LocalJobRunner's configuration, with any {@code dynamodb.*} settings
   */
  static ImportRun of(Configuration conf, URI endpoint, String... args) throws Exception {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--endpoint", endpoint.toString()));
    return run(conf, JobCounts.Source.HADOOP, all);
  }

  private static ImportRun run(Configuration conf, JobCounts.Source source, List<String> args)
      throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    ImportTool tool =
        new ImportTool(
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            source);
    int exit = ToolRunner.run(conf, tool, args.toArray(String[]::new));
    return new ImportRun(
        exit,
        out.toString(StandardCharsets.UTF_8),
        err.toString(StandardCharsets.UTF_8),
        tool.counters().orElse(null));
  }

  long counter(DdbioCounter c) {
    return counters.findCounter(c).getValue();
  }
}
