package io.ddbio.export.verify;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.util.ToolRunner;

/**
 * One run of {@link VerifyTool} through {@link ToolRunner}, with what it printed.
 *
 * @param status the exit status
 * @param stdout the report
 * @param stderr usage errors
 */
record VerifyRun(int status, String stdout, String stderr) {

  static VerifyRun run(Configuration conf, List<String> args) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    VerifyTool tool =
        new VerifyTool(
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    int status = ToolRunner.run(conf, tool, args.toArray(String[]::new));
    return new VerifyRun(
        status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** Everything printed, for assertion messages. */
  String all() {
    return "exit " + status + "\n" + stdout + stderr;
  }
}
