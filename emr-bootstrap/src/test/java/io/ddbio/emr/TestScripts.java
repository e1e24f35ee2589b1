package io.ddbio.emr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The project's shell scripts parse ({@code bash -n}) and pass shellcheck. shellcheck comes from
 * Debian's packages ({@code .ci/run} installs it): on a developer machine without it that check is
 * skipped, in CI it is required.
 */
class TestScripts {

  static List<Path> scripts() throws IOException {
    List<Path> scripts = new ArrayList<>(Definitions.files(".sh"));
    scripts.add(Path.of("..", "ddbio"));
    scripts.add(Path.of("..", ".ci", "run"));
    return scripts;
  }

  @Test
  void everyScriptParses() throws Exception {
    for (Path script : scripts()) {
      Result r = run("bash", "-n", script.toString());
      assertEquals(0, r.exit(), script + ": " + r.output());
    }
  }

  @Test
  void everyScriptPassesShellcheck() throws Exception {
    boolean installed = run("sh", "-c", "command -v shellcheck").exit() == 0;
    if (!installed && "true".equals(System.getenv("CI"))) {
      throw new AssertionError(
          "CI must have shellcheck: .ci/run installs it from Debian's packages");
    }
    assumeTrue(installed, "shellcheck is not installed (apt-get install shellcheck)");
    for (Path script : scripts()) {
      Result r = run("shellcheck", "-x", script.toString());
      assertEquals(0, r.exit(), script + ":\n" + r.output());
    }
  }

  private record Result(int exit, String output) {}

  private static Result run(String... command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "timed out: " + String.join(" ", command));
    return new Result(p.exitValue(), out);
  }
}
