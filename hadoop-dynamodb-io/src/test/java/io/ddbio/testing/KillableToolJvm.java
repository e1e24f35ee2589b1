package io.ddbio.testing;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A tool run in a JVM of its own on the LocalJobRunner, so that a test can kill the whole job with
 * SIGKILL, as a lost client, and then resume it in its own JVM.
 */
public final class KillableToolJvm {
  private KillableToolJvm() {}

  /**
   * Starts {@code main} with the test's class path and Hadoop's module openings, a LocalJobRunner
   * of two map threads working below {@code tmp}, {@code settings} as {@code -D} options, then
   * {@code args}; its output goes to {@link #log}.
   */
  public static Process start(Class<?> main, Path tmp, List<String> settings, List<String> args)
      throws Exception {
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
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(logFile(tmp))
        .start();
  }

  /** The last 4,000 characters the child printed, for a failure's message. */
  public static String log(Path tmp) {
    try {
      String text = Files.readString(logFile(tmp).toPath());
      return text.substring(Math.max(0, text.length() - 4000));
    } catch (Exception e) {
      return e.toString();
    }
  }

  private static File logFile(Path tmp) {
    return tmp.resolve("child.log").toFile();
  }
}
