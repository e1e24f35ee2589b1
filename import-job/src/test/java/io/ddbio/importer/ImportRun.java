package io.ddbio.importer;

import io.ddbio.mapreduce.JobCounts;
import io.ddbio.metrics.DdbioCounter;
import io.ddbio.testing.LocalJobs;
import io.ddbio.testkit.DynamoDbLocal;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.mapreduce.Counters;
import org.apache.hadoop.util.ToolRunner;

/**
 * One run of {@link ImportTool} through {@link ToolRunner} on the LocalJobRunner (two map threads)
 * against DynamoDB Local, and what it left behind.
 *
 * @param exit the exit status
 * @param out what the tool printed to standard output
 * @param err what it printed to standard error
 * @param counters the job's counters; null when no job ran
 */
record ImportRun(int exit, String out, String err, Counters counters) {

  /**
   * Runs the tool with {@code args} plus {@code --endpoint} and {@code --region} for {@code ddb}.
   */
  static ImportRun of(DynamoDbLocal ddb, Path tmp, String... args) throws Exception {
    return of(JobCounts.Source.HADOOP, ddb, tmp, args);
  }

  /**
   * As {@link #of(DynamoDbLocal, Path, String...)}, the job's counters read from {@code source}.
   */
  static ImportRun of(JobCounts.Source source, DynamoDbLocal ddb, Path tmp, String... args)
      throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    ImportTool tool =
        new ImportTool(
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            source);
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--endpoint", ddb.endpoint().toString(), "--region", "us-east-1"));
    int exit =
        ToolRunner.run(LocalJobs.conf(tmp.resolve("work"), 2), tool, all.toArray(String[]::new));
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
