package io.ddbio.cli;

import io.ddbio.export.ExportTool;
import io.ddbio.importer.ImportTool;
import io.ddbio.testkit.DynamoDbLocal;
import io.ddbio.testkit.KeySpec;
import io.ddbio.testkit.Tables;
import io.ddbio.testkit.items.ItemEquivalence;
import io.ddbio.testkit.items.RandomItems;
import io.ddbio.tool.Arguments;
import io.ddbio.tool.UsageException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.hadoop.util.Tool;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The one-command demo: DynamoDB Local on 127.0.0.1, a sample table using every DynamoDB type,
 * exported to local files, imported into a new table with the same keys, and compared item by item.
 * Needs no AWS account and no Hadoop installation.
 */
final class Demo {
  private static final String SOURCE = "DemoSource";
  private static final String RESTORED = "DemoRestored";

  /** Generous, so DynamoDB Local (which never throttles) sets the pace, not the budget. */
  private static final long UNITS = 40_000;

  private static final int LOADERS = 4;

  private Demo() {}

  static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
    Arguments a;
    int items;
    Path workDir;
    try {
      a = Arguments.parse(args, Set.of("items", "work-dir"), Set.of("help"));
      if (a.flag("help")) {
        out.println("Usage: ./ddbio demo [--items N (default 50000)] [--work-dir DIR]");
        return 0;
      }
      items = Arguments.integer(a.option("items").orElse("50000"), "--items");
      workDir =
          Path.of(
              a.option("work-dir")
                  .orElse(
                      "ddbio-demo/"
                          + LocalDateTime.now()
                              .format(DateTimeFormatter.ofPattern("yyyy-MM-dd-HH-mm-ss"))));
    } catch (UsageException e) {
      err.println(e.getMessage());
      return 2;
    }
    Files.createDirectories(workDir);
    Path export = workDir.toAbsolutePath().resolve("export");

    long start = System.nanoTime();
    try (DynamoDbLocal ddb = DynamoDbLocal.start();
        DynamoDbClient client = ddb.newClient()) {
      String endpoint = ddb.endpoint().toString();
      out.printf("DynamoDB Local on %s%n", endpoint);

      RandomItems generator =
          RandomItems.builder()
              .seed(20261124)
              .hashKey("pk", ScalarAttributeType.S)
              .rangeKey("sk", ScalarAttributeType.N)
              .build();
      List<Map<String, AttributeValue>> source = generator.items(items);
      Tables.createTable(client, SOURCE, KeySpec.string("pk"), KeySpec.number("sk"), UNITS, UNITS);
      long loadStart = System.nanoTime();
      load(client, source);
      out.printf(
          "Loaded %,d items (every DynamoDB type, nested maps and lists) into %s in %s%n",
          source.size(), SOURCE, seconds(loadStart));

      out.printf("%nExporting %s to %s%n", SOURCE, export);
      if (!ran("export", new ExportTool(), export, SOURCE, endpoint, err)) {
        return 1;
      }

      Tables.createTable(
          client, RESTORED, KeySpec.string("pk"), KeySpec.number("sk"), UNITS, UNITS);
      out.printf("%nImporting %s into %s%n", export, RESTORED);
      if (!ran("import", new ImportTool(), export, RESTORED, endpoint, err)) {
        return 1;
      }

      List<Map<String, AttributeValue>> restored = Tables.scanAll(client, RESTORED);
      try {
        ItemEquivalence.assertSameItems(source, restored, generator.keyAttributes());
      } catch (AssertionError e) {
        err.println("Demo failed: the restored table differs from the source.\n" + e.getMessage());
        return 1;
      }
      out.printf(
          "%nVerified: %s holds exactly the %,d items of %s (every attribute compared)."
              + " Demo took %s; files in %s%n",
          RESTORED, restored.size(), SOURCE, seconds(start), export);
      return 0;
    }
  }

  /** Loads with a few writers at once: one would leave DynamoDB Local mostly idle. */
  /**
   * Runs the export or import tool on {@code dir} and {@code table} at the full throughput ratio,
   * as a user would; says so on {@code err} and returns false if it did not exit 0.
   */
  private static boolean ran(
      String what, Tool tool, Path dir, String table, String endpoint, PrintStream err)
      throws Exception {
    int exit =
        Main.runTool(tool, new String[] {dir.toString(), table, "1.0", "--endpoint", endpoint});
    if (exit != 0) {
      err.println("Demo failed: the " + what + " exited with " + exit);
      return false;
    }
    return true;
  }

  private static void load(DynamoDbClient client, List<Map<String, AttributeValue>> items)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(LOADERS);
    try {
      List<Future<Long>> parts = new ArrayList<>();
      int step = (items.size() + LOADERS - 1) / LOADERS;
      for (int from = 0; from < items.size(); from += step) {
        List<Map<String, AttributeValue>> part =
            items.subList(from, Math.min(items.size(), from + step));
        parts.add(pool.submit(() -> Tables.putAll(client, SOURCE, part)));
      }
      for (Future<Long> f : parts) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static String seconds(long startNanos) {
    Duration d = Duration.ofNanos(System.nanoTime() - startNanos);
    return String.format("%.1f s", d.toMillis() / 1000.0);
  }
}
