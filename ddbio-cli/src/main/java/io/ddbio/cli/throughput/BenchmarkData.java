package io.ddbio.cli.throughput;

import io.ddbio.backup.DataPipelineManifest;
import io.ddbio.item.DataPipelineCodec;
import io.ddbio.testkit.KeySpec;
import io.ddbio.testkit.Tables;
import io.ddbio.testkit.emulator.EmulatedDynamoDb;
import io.ddbio.testkit.emulator.TableCapacity;
import io.ddbio.testkit.items.SizedItems;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The benchmark's data: the table the exports read, the backup the imports load, and the table they
 * load it into. Items are {@value #ITEM_BYTES} bytes, so an item costs about one read unit
 * (strongly consistent, 4 KB a unit) and four write units (1 KB a unit).
 */
final class BenchmarkData {
  static final String SOURCE = "BenchmarkSource";
  static final String DESTINATION = "BenchmarkDestination";
  static final int ITEM_BYTES = 4_000;

  private static final double READ_UNITS_PER_ITEM = ITEM_BYTES / 4096.0;
  private static final int WRITE_UNITS_PER_ITEM = 4;
  private static final int LOADERS = 4;

  private final EmulatedDynamoDb dynamoDb;
  private final Path backup;

  private BenchmarkData(EmulatedDynamoDb dynamoDb, Path backup) {
    this.dynamoDb = dynamoDb;
    this.backup = backup;
  }

  /**
   * Creates what the scenarios need: the source table, loaded, only if an export runs; the backup
   * and the destination table only if an import runs.
   */
  static BenchmarkData prepare(EmulatedDynamoDb dynamoDb, BenchmarkOptions options, PrintStream out)
      throws IOException, InterruptedException {
    boolean exports = options.scenarios().stream().anyMatch(s -> s.job() == Scenario.Job.EXPORT);
    boolean imports = options.scenarios().stream().anyMatch(s -> s.job() == Scenario.Job.IMPORT);
    Path backup = options.workDir().resolve("backup");
    try (DynamoDbClient direct = dynamoDb.local().newClient()) {
      if (exports) {
        int items = options.items().orElse(size(options, READ_UNITS_PER_ITEM));
        createTable(direct, SOURCE, options.capacity());
        long start = System.nanoTime();
        load(direct, items);
        out.printf(
            "Loaded %,d items of %,d bytes (%,.0f MB) into %s in %.0f s%n",
            items,
            ITEM_BYTES,
            items * (double) ITEM_BYTES / 1e6,
            SOURCE,
            (System.nanoTime() - start) / 1e9);
      }
      if (imports) {
        int items = options.items().orElse(size(options, WRITE_UNITS_PER_ITEM));
        writeBackup(backup, items, options.splits());
        createTable(direct, DESTINATION, options.capacity());
        out.printf(
            "Wrote a backup of %,d items in %d files to %s%n", items, options.splits(), backup);
      }
    }
    return new BenchmarkData(dynamoDb, backup);
  }

  /** Items enough for a job at the full capacity to take about {@code seconds}. */
  private static int size(BenchmarkOptions options, double unitsPerItem) {
    return (int) Math.ceil(options.capacity() * (double) options.seconds() / unitsPerItem);
  }

  private static void createTable(DynamoDbClient direct, String table, long capacity) {
    Tables.createTable(
        direct, table, KeySpec.string("pk"), KeySpec.number("sk"), capacity, capacity);
  }

  /** Loads straight into DynamoDB Local, a few writers at once: the emulator would only slow it. */
  private static void load(DynamoDbClient direct, int items)
      throws InterruptedException, IOException {
    ExecutorService pool = Executors.newFixedThreadPool(LOADERS);
    try {
      List<Future<Long>> parts = new ArrayList<>();
      int step = (items + LOADERS - 1) / LOADERS;
      for (int from = 0; from < items; from += step) {
        int first = from;
        int last = Math.min(items, from + step);
        parts.add(
            pool.submit(
                () ->
                    Tables.putAll(
                        direct,
                        SOURCE,
                        IntStream.range(first, last).mapToObj(i -> SizedItems.item(i, ITEM_BYTES))
                            ::iterator)));
      }
      for (Future<Long> part : parts) {
        part.get();
      }
    } catch (ExecutionException e) {
      throw new IOException("Loading " + SOURCE + " failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Data Pipeline files, one per map task of the import, and their manifest, written last as Data
   * Pipeline writes it (the import refuses data files without one).
   */
  private static void writeBackup(Path dir, int items, int files) throws IOException {
    Files.createDirectories(dir);
    DataPipelineCodec codec = new DataPipelineCodec();
    List<String> urls = new ArrayList<>();
    for (int f = 0; f < files; f++) {
      Path file = dir.resolve(String.format("part-%05d", f));
      urls.add(file.toUri().toString());
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
        for (int i = f; i < items; i += files) {
          codec.encode(SizedItems.item(i, ITEM_BYTES), out);
          out.write('\n');
        }
      }
    }
    Files.write(dir.resolve(DataPipelineManifest.FILE_NAME), DataPipelineManifest.render(urls));
  }

  /** The backup directory the imports read. */
  Path backup() {
    return backup;
  }

  /**
   * Makes {@code table} provisioned at {@code capacity} units per second for reads and writes, or
   * on demand.
   */
  void setCapacity(String table, boolean onDemand, long capacity) {
    if (onDemand) {
      TableCapacity.onDemand(dynamoDb, table);
    } else {
      TableCapacity.provision(dynamoDb, table, capacity, capacity);
    }
  }
}
