package io.ddbio.export;

import io.ddbio.mapreduce.JobCounts;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.util.ToolRunner;

/**
 * One run of {@link ExportTool} through {@link ToolRunner}, as {@code hadoop jar} runs it, with
 * what it printed.
 *
 * @param status the exit status
 * @param stdout what it printed to standard output
 * @param stderr what it printed to standard error
 * @param tool the tool, for the counters of its job
 */
record ExportRun(int status, String stdout, String stderr, ExportTool tool) {

  static ExportRun run(Configuration conf, List<String> args) throws Exception {
    return run(conf, args, JobCounts.Source.HADOOP);
  }

  /** A run with {@code args} plus {@code --endpoint endpoint}. */
  static ExportRun run(Configuration conf, URI endpoint, String... args) throws Exception {
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--endpoint");
    all.add(endpoint.toString());
    return run(conf, all);
  }

  /** A run whose tool reads the finished job's counters from {@code counters}. */
  static ExportRun run(Configuration conf, List<String> args, JobCounts.Source counters)
      throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    ExportTool tool =
        new ExportTool(
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            counters);
    int status = ToolRunner.run(conf, tool, args.toArray(String[]::new));
    return new ExportRun(
        status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), tool);
  }
}
