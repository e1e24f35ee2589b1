package io.ddbio.bench.e2e;

import io.ddbio.bench.corpus.RealisticItems;
import io.ddbio.metrics.DdbioCounter;
import io.ddbio.testkit.LocalTrees;
import io.ddbio.testkit.Tables;
import io.ddbio.testkit.items.ItemEquivalence;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Ours against the limit, at the same concurrency T: a raw parallel scan against the export job,
 * and raw {@code BatchWriteItem}s of the same items against the import job, each into a fresh
 * table. Each raw phase also runs a second time asking for the consumed capacity, as the library
 * must for its budget ({@code +RCC}): the gap between the two raw figures is the database's cost of
 * that answer, the gap between {@code +RCC} and ours is our own code. A small warm-up round first
 * runs everything untimed, so nothing is measured with a cold JIT (in this JVM or DynamoDB
 * Local's).
 */
final class Comparison {
  /** The target: ours at least this share of the raw rate. */
  static final double TARGET = 0.90;

  static final String RAW_SCAN = "raw scan";
  static final String RAW_SCAN_RCC = "raw scan +RCC";
  static final String EXPORT = "export (ours)";
  static final String RAW_WRITE = "raw batch write";
  static final String RAW_WRITE_RCC = "raw write +RCC";
  static final String IMPORT = "import (ours)";

  private static final int WARMUP_ITEMS = 20_000;
  private static final int SPOT_CHECKS = 200;

  private final E2eOptions options;
  private final DynamoDbClient client;
  private final Meter meter;
  private final BenchJobs.Setup setup;
  private final PrintStream out;
  private double exportFixedSeconds = Double.NaN;
  private double importFixedSeconds = Double.NaN;

  Comparison(
      E2eOptions options,
      DynamoDbClient client,
      Meter meter,
      BenchJobs.Setup setup,
      PrintStream out) {
    this.options = options;
    this.client = client;
    this.meter = meter;
    this.setup = setup;
    this.out = out;
  }

  /** Runs everything and returns every measurement, in order. */
  List<Measurement> run() throws Exception {
    out.printf(
        "Generating %d items (%s profile)...%n", options.items(), RealisticItems.Profile.MIXED);
    List<Map<String, AttributeValue>> items =
        new RealisticItems(EndToEnd.SEED, RealisticItems.Profile.MIXED).items(options.items());

    int warmup = Math.min(WARMUP_ITEMS, options.items());
    out.printf("Warm-up round on %d items (not counted)...%n", warmup);
    createTable("WarmSource");
    ParallelBatchWriter.write(client, "WarmSource", warmup, options.loaders(), items::get, false);
    round("warm", "WarmSource", items.subList(0, warmup));
    Tables.deleteTable(client, "WarmSource");
    jobOverhead(items);

    List<Measurement> all = new ArrayList<>();
    createTable("Source");
    Measurement load =
        meter.measure(
            "load (" + options.loaders() + " threads)",
            () ->
                ParallelBatchWriter.write(
                    client, "Source", items.size(), options.loaders(), items::get, false));
    out.println(load.row());
    all.add(load);
    for (int r = 1; r <= options.rounds(); r++) {
      all.addAll(round("r" + r, "Source", items));
    }
    return all;
  }

  /** One round: raw scan, export, raw write, import; the timed phases print as they finish. */
  private List<Measurement> round(
      String name, String source, List<Map<String, AttributeValue>> items) throws Exception {
    boolean timed = !name.equals("warm");
    List<Measurement> measured = new ArrayList<>();
    int t = options.threads();

    for (boolean rcc : new boolean[] {false, true}) {
      measured.add(
          phase(
              rcc ? RAW_SCAN_RCC : RAW_SCAN,
              items.size(),
              timed,
              () -> ParallelScan.count(client, source, t, options.pageLimit(), items.size(), rcc)));
    }

    Path exported = options.workDir().resolve("export-" + name);
    // Left behind if an earlier run in the same work directory failed half-way.
    LocalTrees.delete(exported);
    measured.add(
        phase(
            EXPORT,
            items.size(),
            timed,
            () ->
                BenchJobs.done(
                    BenchJobs.export(setup, source, exported),
                    DdbioCounter.ITEMS_READ,
                    DdbioCounter.SCAN_PAGES)));

    for (boolean rcc : new boolean[] {false, true}) {
      String rawTarget = (rcc ? "RawTargetRcc_" : "RawTarget_") + name;
      createTable(rawTarget);
      measured.add(
          phase(
              rcc ? RAW_WRITE_RCC : RAW_WRITE,
              items.size(),
              timed,
              () ->
                  ParallelBatchWriter.write(client, rawTarget, items.size(), t, items::get, rcc)));
      Tables.deleteTable(client, rawTarget);
    }

    String imported = "Imported_" + name;
    createTable(imported);
    measured.add(
        phase(
            IMPORT,
            items.size(),
            timed,
            () ->
                BenchJobs.done(
                    BenchJobs.importInto(setup, exported, imported),
                    DdbioCounter.ITEMS_WRITTEN,
                    DdbioCounter.BATCH_WRITES)));
    spotCheck(imported, items);
    Tables.deleteTable(client, imported);
    LocalTrees.delete(exported);
    return measured;
  }

  /**
   * Times the export of a one-item table and the import of the file it writes: what a job costs
   * whatever it carries (pre-flight describe, submission, splits, task start, commit, manifest and
   * metadata on the LocalJobRunner). One item rather than none, because the import tool cannot
   * import an export with no data files.
   */
  private void jobOverhead(List<Map<String, AttributeValue>> items) throws Exception {
    createTable("TinySource");
    createTable("TinyTarget");
    ParallelBatchWriter.write(client, "TinySource", 1, 1, items::get, false);
    Path tiny = options.workDir().resolve("export-tiny");
    LocalTrees.delete(tiny);
    long t0 = System.nanoTime();
    BenchJobs.export(setup, "TinySource", tiny);
    long t1 = System.nanoTime();
    BenchJobs.importInto(setup, tiny, "TinyTarget");
    long t2 = System.nanoTime();
    exportFixedSeconds = (t1 - t0) / 1e9;
    importFixedSeconds = (t2 - t1) / 1e9;
    out.printf(
        "Fixed cost of a job (one item): export %.2f s, import %.2f s%n",
        exportFixedSeconds, importFixedSeconds);
    Tables.deleteTable(client, "TinySource");
    Tables.deleteTable(client, "TinyTarget");
    LocalTrees.delete(tiny);
  }

  /** Seconds the export of one item took: the export's fixed cost. */
  double exportFixedSeconds() {
    return exportFixedSeconds;
  }

  /** Seconds the import of one item took: the import's fixed cost. */
  double importFixedSeconds() {
    return importFixedSeconds;
  }

  /** Measures one phase, checks that it handled every item, and prints it if the round is timed. */
  private Measurement phase(String phase, int expected, boolean timed, Meter.Work work)
      throws Exception {
    Measurement m = meter.measure(phase, work);
    expect(expected, m.items(), phase);
    if (timed) {
      out.println(m.row());
    }
    return m;
  }

  private void createTable(String table) {
    BenchTables.create(client, table);
  }

  /** Reads back a fixed sample of the imported items and compares them with the originals. */
  private void spotCheck(String table, List<Map<String, AttributeValue>> items) {
    SplittableRandom random = new SplittableRandom(EndToEnd.SEED);
    for (int i = 0; i < SPOT_CHECKS; i++) {
      Map<String, AttributeValue> expected = items.get(random.nextInt(items.size()));
      Map<String, AttributeValue> actual =
          client
              .getItem(
                  b -> b.tableName(table).key(RealisticItems.keyOf(expected)).consistentRead(true))
              .item();
      // DynamoDB respells numbers (1.5E-3 comes back as 0.0015), so compare by value.
      String difference = ItemEquivalence.describeDifference(expected, actual);
      if (difference != null) {
        throw new IllegalStateException(
            "Imported item "
                + RealisticItems.keyOf(expected)
                + " differs from the original: "
                + difference);
      }
    }
  }

  private static void expect(long expected, long actual, String phase) {
    if (expected != actual) {
      throw new IllegalStateException(
          phase + " handled " + actual + " items, expected " + expected);
    }
  }
}
