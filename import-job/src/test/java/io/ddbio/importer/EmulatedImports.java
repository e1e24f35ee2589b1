package io.ddbio.importer;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.util.ToolRunner;

/** Runs {@link ImportTool} against the capacity emulator, for the rate and fault tests. */
final class EmulatedImports {
  private EmulatedImports() {}

  /**
   * Runs the tool through {@link ToolRunner} with {@code args} plus {@code --endpoint endpoint}.
   *
   * @param conf the LocalJobRunner's configuration, with any {@code dynamodb.*} settings
   */
  static ImportRun run(Configuration conf, URI endpoint, String... args) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    ImportTool tool =
        new ImportTool(
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--endpoint", endpoint.toString()));
    int exit = ToolRunner.run(conf, tool, all.toArray(String[]::new));
    return new ImportRun(
        exit,
        out.toString(StandardCharsets.UTF_8),
        err.toString(StandardCharsets.UTF_8),
        tool.counters().orElse(null));
  }
}
