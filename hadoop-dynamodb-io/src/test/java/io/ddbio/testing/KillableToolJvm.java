package io.ddbio.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A tool run in a JVM of its own on the LocalJobRunner, so that a test can kill the whole job with
 * SIGKILL, as a lost client, once it has done part of its work, and then resume it.
 */
public final class KillableToolJvm {
  /** How long the tool may take to reach the point where it is killed. */
  private static final Duration PATIENCE = Duration.ofMinutes(3);

  private final Process process;
  private final File log;

  private KillableToolJvm(Process process, File log) {
    this.process = process;
    this.log = log;
  }

  /** A condition on the tool's progress, read from the files it writes. */
  @FunctionalInterface
  public interface Progress {
    boolean reached() throws Exception;
  }

  /**
   * Starts {@code main} with the test's class path and Hadoop's module openings, a LocalJobRunner
   * of two map threads working below {@code tmp}, {@code settings} as {@code -D} options, then
   * {@code args}; its output goes to {@code tmp/child.log}.
   */
  public static KillableToolJvm start(
      Class<?> main, Path tmp, List<String> settings, List<String> args) throws Exception {
    String classPath = System.getProperty("surefire.test.class.path");
    if (classPath == null || classPath.isBlank()) {
      classPath = System.getProperty("java.class.path");
    }
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // The module openings Hadoop needs on Java 17, as this JVM was given them.
    ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(a -> a.startsWith("--add-opens") || a.startsWith("--add-exports"))
        .forEach(command::add);
    command.addAll(List.of("-Xmx512m", "-cp", classPath, main.getName()));
    List<String> all =
        new ArrayList<>(
            List.of(
                "mapreduce.framework.name=local",
                "fs.defaultFS=file:///",
                "hadoop.tmp.dir=" + tmp.resolve("child-tmp"),
                "mapreduce.jobtracker.staging.root.dir=" + tmp.resolve("child-staging"),
                "mapreduce.client.completion.pollinterval=100",
                "mapreduce.local.map.tasks.maximum=2"));
    all.addAll(settings);
    for (String setting : all) {
      command.add("-D");
      command.add(setting);
    }
    command.addAll(args);
    File log = tmp.resolve("child.log").toFile();
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
    return new KillableToolJvm(process, log);
  }

  /**
   * Waits until {@code progress} is reached, then kills the JVM with SIGKILL (no abort, no
   * clean-up, as a lost client) and waits for it to end.
   *
   * @param what the point awaited, for the failure when the tool ends first or takes too long
   */
  public void killWhen(Progress progress, String what) throws Exception {
    try {
      Instant deadline = Instant.now().plus(PATIENCE);
      while (!progress.reached()) {
        assertTrue(process.isAlive(), "the tool ended before " + what + ": " + log());
        assertTrue(Instant.now().isBefore(deadline), "not " + what + " in time: " + log());
        Thread.sleep(50);
      }
    } finally {
      process.destroyForcibly();
      process.waitFor();
    }
  }

  /** The last 4,000 characters the tool printed. */
  public String log() {
    try {
      String text = Files.readString(log.toPath());
      return text.substring(Math.max(0, text.length() - 4000));
    } catch (Exception e) {
      return e.toString();
    }
  }
}
