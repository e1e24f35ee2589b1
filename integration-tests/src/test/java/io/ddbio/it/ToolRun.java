package io.ddbio.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ddbio.export.ExportTool;
import io.ddbio.importer.ImportTool;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.mapreduce.Counters;
import org.apache.hadoop.util.Tool;
import org.apache.hadoop.util.ToolRunner;

/**
 * One run of the real export or import tool through {@link ToolRunner}, as {@code hadoop jar} runs
 * it, with what it printed and the counters of its job.
 *
 * @param status the exit status
 * @param stdout what the tool printed to standard output (its summary)
 * @param stderr what it printed to standard error
 * @param counters the job's counters; null when no job ran
 */
public record ToolRun(int status, String stdout, String stderr, Counters counters) {

  /**
   * Runs {@code ExportTool} with {@code args} plus {@code --endpoint} and {@code --region} for
   * {@code dynamoDb}.
   *
   * @param conf the cluster's configuration; copied, so the caller's stays as it was
   */
  public static ToolRun export(Configuration conf, URI dynamoDb, List<String> args)
      throws Exception {
    Output output = new Output();
    ExportTool tool = new ExportTool(output.out, output.err);
    int status = run(conf, tool, withEndpoint(args, dynamoDb));
    return output.run(status, tool.counters());
  }

  /**
   * Runs {@code ImportTool} with {@code args} plus {@code --endpoint} and {@code --region} for
   * {@code dynamoDb}.
   *
   * @param conf the cluster's configuration; copied (the tool changes the one it is given)
   */
  public static ToolRun importer(Configuration conf, URI dynamoDb, List<String> args)
      throws Exception {
    Output output = new Output();
    ImportTool tool = new ImportTool(output.out, output.err);
    int status = run(conf, tool, withEndpoint(args, dynamoDb));
    return output.run(status, tool.counters().orElse(null));
  }

  private static int run(Configuration conf, Tool tool, String[] args) throws Exception {
    return ToolRunner.run(new Configuration(conf), tool, args);
  }

  private static String[] withEndpoint(List<String> args, URI dynamoDb) {
    List<String> all = new ArrayList<>(args);
    all.addAll(List.of("--endpoint", dynamoDb.toString(), "--region", "us-east-1"));
    return all.toArray(String[]::new);
  }

  /** Asserts exit status 0, showing both outputs if not; returns this run. */
  public ToolRun assertSucceeded() {
    assertEquals(0, status, () -> "exit status; stdout:\n" + stdout + "\nstderr:\n" + stderr);
    return this;
  }

  /** The value of one counter of the tool's job. */
  public long counter(Enum<?> counter) {
    return counters.findCounter(counter).getValue();
  }

  private static final class Output {
    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
    private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);

    ToolRun run(int status, Counters counters) {
      return new ToolRun(
          status,
          outBytes.toString(StandardCharsets.UTF_8),
          errBytes.toString(StandardCharsets.UTF_8),
          counters);
    }
  }
}
