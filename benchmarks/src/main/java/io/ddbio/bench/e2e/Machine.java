package io.ddbio.bench.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** One line describing the machine a figure was taken on. */
final class Machine {
  private Machine() {}

  /** Processors, memory, Java and the load average right now. */
  static String describe() {
    return String.format(
        "%d processors, %s memory, Java %s (%s), load average %.2f",
        Runtime.getRuntime().availableProcessors(),
        totalMemory(),
        System.getProperty("java.version"),
        System.getProperty("java.vm.name"),
        Meter.loadAverage());
  }

  private static String totalMemory() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
        if (line.startsWith("MemTotal:")) {
          long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
          return String.format("%.1f GiB", kb / (1024.0 * 1024.0));
        }
      }
    } catch (IOException | RuntimeException e) {
      // Not Linux, or not readable: say so rather than guess.
    }
    return "unknown";
  }
}
