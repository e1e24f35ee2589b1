package io.ddbio.bench.e2e;

import io.ddbio.bench.corpus.RealisticItems;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Loads a large table, then exports it from a child JVM whose heap is a map task's ({@code -Xmx},
 * 256 MB by default) with one map thread, and reports whether it succeeded and how much heap it
 * used. The child logs its collections with {@code -Xlog:gc} into the work directory, so the
 * figures can be checked against the JVM's own record.
 */
final class MemoryCheck {
  /** A bound on the child's run, so a hung export fails the check instead of hanging it. */
  private static final long CHILD_TIMEOUT_MINUTES = 120;

  private static final String TABLE = "MemorySource";

  private final E2eOptions options;
  private final DynamoDbClient client;
  private final Meter meter;
  private final URI endpoint;
  private final PrintStream out;

  MemoryCheck(
      E2eOptions options, DynamoDbClient client, Meter meter, URI endpoint, PrintStream out) {
    this.options = options;
    this.client = client;
    this.meter = meter;
    this.endpoint = endpoint;
    this.out = out;
  }

  /** Loads, exports in the child, prints the result; returns the child's figures. */
  Map<String, String> run() throws Exception {
    BenchTables.create(client, TABLE);
    RealisticItems generator = new RealisticItems(EndToEnd.SEED, RealisticItems.Profile.MIXED);
    out.printf("Loading %d items with %d threads...%n", options.items(), options.loaders());
    Measurement load =
        meter.measure(
            "load (" + options.loaders() + " threads)",
            () ->
                ParallelBatchWriter.write(
                    client, TABLE, options.items(), options.loaders(), generator::item, false));
    out.println(load.row());

    Path gcLog = options.workDir().resolve("export-probe-gc.log");
    List<String> command = childCommand(gcLog);
    out.printf("Exporting in a child JVM with -Xmx%s (GC log: %s)...%n", options.taskHeap(), gcLog);
    Process child =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    Map<String, String> result = new LinkedHashMap<>();
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null) {
        if (line.startsWith(ExportProbe.RESULT_PREFIX)) {
          for (String pair : line.substring(ExportProbe.RESULT_PREFIX.length()).trim().split(" ")) {
            int eq = pair.indexOf('=');
            result.put(pair.substring(0, eq), pair.substring(eq + 1));
          }
        }
      }
    }
    if (!child.waitFor(CHILD_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
      child.destroyForcibly();
      throw new IllegalStateException(
          "The export JVM did not finish within " + CHILD_TIMEOUT_MINUTES + " minutes");
    }
    boolean ok =
        child.exitValue() == 0 && Long.toString(options.items()).equals(result.get("items"));
    result.put("success", Boolean.toString(ok));
    result.put("exitCode", Integer.toString(child.exitValue()));
    result.put("loadSeconds", String.format("%.1f", load.wall().toNanos() / 1e9));
    result.put("loadItemsPerSecond", String.format("%.0f", load.itemsPerSecond()));
    out.println();
    out.printf(
        "Memory check: %s. Exported %s of %d items in %s s with -Xmx%s (max heap %s MB):"
            + " peak heap used %s MB (sum of pool peaks), largest heap after a GC %s MB,"
            + " %s collections.%n",
        ok ? "SUCCESS" : "FAILED (exit code " + child.exitValue() + ")",
        result.getOrDefault("items", "?"),
        options.items(),
        result.getOrDefault("seconds", "?"),
        options.taskHeap(),
        megabytes(result.get("maxHeap")),
        megabytes(result.get("peakUsed")),
        megabytes(result.get("maxUsedAfterGc")),
        result.getOrDefault("collections", "?"));
    if (options.results().isPresent()) {
      write(options.results().get(), result);
      out.println("Figures written to " + options.results().get());
    }
    return result;
  }

  private void write(Path file, Map<String, String> result) throws IOException {
    Properties p = new Properties();
    result.forEach(p::setProperty);
    p.setProperty("requestedItems", Integer.toString(options.items()));
    p.setProperty("taskHeap", options.taskHeap());
    p.setProperty("pageLimit", Integer.toString(options.pageLimit()));
    p.setProperty("machine", Machine.describe());
    Files.createDirectories(file.toAbsolutePath().getParent());
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      p.store(w, "ddbio export heap check (io.ddbio.bench.e2e.EndToEnd --memory-check)");
    }
  }

  /** The child's command: this JVM's java, class path and module opens, plus the small heap. */
  private List<String> childCommand(Path gcLog) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx" + options.taskHeap());
    command.add("-Xlog:gc:file=" + gcLog);
    for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (arg.startsWith("--add-opens") || arg.startsWith("-Dlog4j")) {
        command.add(arg);
      }
    }
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(ExportProbe.class.getName());
    command.add(endpoint.toString());
    command.add(TABLE);
    command.add(options.workDir().resolve("memory-check-export").toString());
    command.add(options.workDir().toString());
    command.add(Integer.toString(options.pageLimit()));
    return command;
  }

  private static String megabytes(String bytes) {
    if (bytes == null) {
      return "?";
    }
    return String.format("%.1f", Long.parseLong(bytes) / (1024.0 * 1024.0));
  }
}
