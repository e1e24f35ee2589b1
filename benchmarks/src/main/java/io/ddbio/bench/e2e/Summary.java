package io.ddbio.bench.e2e;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.ToDoubleFunction;

/**
 * The medians over the rounds of each phase, ours as a share of its limit, and whether the target
 * is met; printed, and written as a properties file the chart reads.
 */
final class Summary {
  private final Map<String, List<Measurement>> byPhase = new LinkedHashMap<>();
  private final double exportFixedSeconds;
  private final double importFixedSeconds;

  /**
   * @param exportFixedSeconds what exporting one item took: the export's fixed cost
   * @param importFixedSeconds what importing one item took: the import's fixed cost
   */
  Summary(List<Measurement> measurements, double exportFixedSeconds, double importFixedSeconds) {
    for (Measurement m : measurements) {
      byPhase.computeIfAbsent(m.phase(), k -> new ArrayList<>()).add(m);
    }
    this.exportFixedSeconds = exportFixedSeconds;
    this.importFixedSeconds = importFixedSeconds;
  }

  /**
   * Ours as a share of the limit once the job's fixed cost is taken off its time: the ratio a table
   * large enough to amortise that cost would approach.
   */
  double ratioWithoutFixedCost(String ours, String limit, double fixedSeconds) {
    double rate =
        median(ours, m -> m.items() / Math.max(1e-9, m.wall().toNanos() / 1e9 - fixedSeconds));
    return rate / median(limit, Measurement::itemsPerSecond);
  }

  /** The median of {@code metric} over the rounds of {@code phase}. */
  double median(String phase, ToDoubleFunction<Measurement> metric) {
    List<Double> values =
        byPhase.getOrDefault(phase, List.of()).stream()
            .map(metric::applyAsDouble)
            .sorted()
            .toList();
    if (values.isEmpty()) {
      throw new IllegalArgumentException("no measurement of " + phase);
    }
    int n = values.size();
    return n % 2 == 1 ? values.get(n / 2) : (values.get(n / 2 - 1) + values.get(n / 2)) / 2;
  }

  /** Ours as a share of the limit: median rate over median rate. */
  double ratio(String ours, String limit) {
    return median(ours, Measurement::itemsPerSecond) / median(limit, Measurement::itemsPerSecond);
  }

  void print(PrintStream out) {
    out.println();
    out.println("Medians over the rounds:");
    for (String phase : byPhase.keySet()) {
      out.printf(
          "  %-22s %9.0f items/s   client %6.1f us/item   db %6.1f us/item%n",
          phase,
          median(phase, Measurement::itemsPerSecond),
          median(phase, Measurement::clientCpuMicrosPerItem),
          median(phase, Measurement::databaseCpuMicrosPerItem));
    }
    verdict(out, "export / raw scan       ", Comparison.EXPORT, Comparison.RAW_SCAN);
    verdict(out, "import / raw batch write", Comparison.IMPORT, Comparison.RAW_WRITE);
    out.printf(
        "  Fixed cost of a job: export %.2f s, import %.2f s; without it:%n",
        exportFixedSeconds, importFixedSeconds);
    out.printf(
        "  export / raw scan        %.3f%n",
        ratioWithoutFixedCost(Comparison.EXPORT, Comparison.RAW_SCAN, exportFixedSeconds));
    out.printf(
        "  import / raw batch write %.3f%n",
        ratioWithoutFixedCost(Comparison.IMPORT, Comparison.RAW_WRITE, importFixedSeconds));
    out.println("  With the database doing the same work (raw asking for consumed capacity too):");
    out.printf(
        "  export / raw scan +RCC   %.3f%n", ratio(Comparison.EXPORT, Comparison.RAW_SCAN_RCC));
    out.printf(
        "  import / raw write +RCC  %.3f%n", ratio(Comparison.IMPORT, Comparison.RAW_WRITE_RCC));
  }

  private void verdict(PrintStream out, String label, String ours, String limit) {
    double r = ratio(ours, limit);
    out.printf(
        "  %s %.3f  (target >= %.2f: %s)%n",
        label, r, Comparison.TARGET, r >= Comparison.TARGET ? "met" : "MISSED");
  }

  /** Writes every median and both ratios, plus the settings, for the chart and the record. */
  void write(Path file, E2eOptions options, String machine) throws IOException {
    Properties p = new Properties();
    p.setProperty("items", Integer.toString(options.items()));
    p.setProperty("threads", Integer.toString(options.threads()));
    p.setProperty("pageLimit", Integer.toString(options.pageLimit()));
    p.setProperty("rounds", Integer.toString(options.rounds()));
    p.setProperty("machine", machine);
    int i = 0;
    for (String phase : byPhase.keySet()) {
      String key = "phase." + i++;
      p.setProperty(key + ".name", phase);
      p.setProperty(key + ".itemsPerSecond", format(median(phase, Measurement::itemsPerSecond)));
      p.setProperty(
          key + ".clientCpuMicrosPerItem",
          format(median(phase, Measurement::clientCpuMicrosPerItem)));
      p.setProperty(
          key + ".databaseCpuMicrosPerItem",
          format(median(phase, Measurement::databaseCpuMicrosPerItem)));
      p.setProperty(
          key + ".maxLoad",
          format(byPhase.get(phase).stream().mapToDouble(Measurement::load).max().orElse(-1)));
    }
    p.setProperty("ratio.export", format(ratio(Comparison.EXPORT, Comparison.RAW_SCAN)));
    p.setProperty("ratio.import", format(ratio(Comparison.IMPORT, Comparison.RAW_WRITE)));
    p.setProperty("ratio.exportRcc", format(ratio(Comparison.EXPORT, Comparison.RAW_SCAN_RCC)));
    p.setProperty("ratio.importRcc", format(ratio(Comparison.IMPORT, Comparison.RAW_WRITE_RCC)));
    p.setProperty("fixedSeconds.export", format(exportFixedSeconds));
    p.setProperty("fixedSeconds.import", format(importFixedSeconds));
    p.setProperty(
        "ratio.exportWithoutFixedCost",
        format(ratioWithoutFixedCost(Comparison.EXPORT, Comparison.RAW_SCAN, exportFixedSeconds)));
    p.setProperty(
        "ratio.importWithoutFixedCost",
        format(ratioWithoutFixedCost(Comparison.IMPORT, Comparison.RAW_WRITE, importFixedSeconds)));
    Files.createDirectories(file.toAbsolutePath().getParent());
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      p.store(w, "ddbio end-to-end benchmark (io.ddbio.bench.e2e.EndToEnd)");
    }
  }

  private static String format(double value) {
    return String.format("%.4f", value);
  }
}
