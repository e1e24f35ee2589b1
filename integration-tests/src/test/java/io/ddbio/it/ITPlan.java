package io.ddbio.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbio.metrics.DdbioCounter;
import io.ddbio.testing.LocalJobs;
import io.ddbio.testkit.KeySpec;
import io.ddbio.testkit.Tables;
import io.ddbio.testkit.items.SizedItems;
import io.ddbio.testkit.junit.LocalDynamoDb;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * {@code --plan} on both tools against a table of known size: it prints the run's tasks, rate,
 * capacity, duration and billing, reads no item and writes nothing, and its capacity is what the
 * run it plans then consumes, as DynamoDB Local reports consumption.
 */
class ITPlan {
  private static final String SOURCE = "plan_source";
  private static final int ITEMS = 1_500;

  /** Bytes of each item: two write units a put, and lines still under 2 KB. */
  private static final int ITEM_BYTES = 1_300;

  private static final Pattern CAPACITY =
      Pattern.compile(
          "capacity: +(about|at least) ([0-9,]+) (read|write) (capacity|request) units");

  @TempDir static java.nio.file.Path work;

  @RegisterExtension static final LocalDynamoDb ddb = LocalDynamoDb.inOwnJvm();

  private static Configuration conf;

  @BeforeAll
  static void fill() {
    conf = LocalJobs.conf(work, 2);
    Tables.createTable(
        ddb.client(), SOURCE, KeySpec.string("pk"), KeySpec.number("sk"), 2_000, 2_000);
    Tables.putAll(ddb.client(), SOURCE, SizedItems.items(ITEMS, ITEM_BYTES));
  }

  @Test
  void exportAndImportPlansReadNothingAndForetellTheCapacityTheRunsConsume() throws Exception {
    java.nio.file.Path out = work.resolve("planned-export");
    ToolRun plan = export(out, "--plan", "--segments", "3");
    assertEquals(0, plan.status(), plan::stderr);
    String text = plan.stdout();
    assertTrue(text.startsWith("Plan: Export of table \"plan_source\""), text);
    assertTrue(text.contains("(no item read or written)"), text);
    assertTrue(text.contains(String.format("about %,d items", ITEMS)), text);
    assertTrue(text.contains("3 segments in 3 splits: 3 map tasks, 2 at a time"), text);
    assertTrue(
        text.contains("1,000.0 read units/s: 0.5 (--read-ratio) of the table's 2,000"), text);
    assertTrue(text.contains("billed:    the table's provisioned capacity"), text);
    assertFalse(Files.exists(out), "a plan creates no output directory");
    double plannedReads = capacity(text, "read");

    ToolRun exported = export(out, "--segments", "3");
    exported.assertSucceeded();
    double readUnits =
        exported.counters().findCounter(DdbioCounter.READ_CAPACITY_MILLIUNITS).getValue() / 1000.0;
    assertWithin(plannedReads, readUnits, "the export's read units");

    String target = "plan_target";
    Tables.createTable(
        ddb.client(), target, KeySpec.string("pk"), KeySpec.number("sk"), 2_000, 2_000);
    ToolRun importPlan = importInto(out, target, "--plan");
    assertEquals(0, importPlan.status(), importPlan::stderr);
    String importText = importPlan.stdout();
    assertTrue(importText.contains(String.format("%,d items in 3 data files", ITEMS)), importText);
    assertTrue(importText.contains("3 map tasks, one a data file, 2 at a time"), importText);
    assertTrue(importText.contains("2 a put"), importText);
    assertEquals(0, Tables.scanAll(ddb.client(), target).size(), "a plan writes no item");
    try (var left = Files.list(work)) {
      assertTrue(
          left.noneMatch(p -> p.getFileName().toString().contains("-import-")),
          "a plan leaves no progress record");
    }
    double plannedWrites = capacity(importText, "write");

    ToolRun imported = importInto(out, target);
    imported.assertSucceeded();
    double writeUnits =
        imported.counters().findCounter(DdbioCounter.WRITE_CAPACITY_MILLIUNITS).getValue() / 1000.0;
    assertWithin(plannedWrites, writeUnits, "the import's write units");
    assertEquals(2.0 * ITEMS, writeUnits, 0.001, "two units a put, as planned");
  }

  @Test
  void onDemandPlansPriceTheRequestUnitsWhenAPriceIsGiven() throws Exception {
    String table = "plan_on_demand";
    Tables.createTable(ddb.client(), table, KeySpec.string("pk"), KeySpec.number("sk"));
    Tables.putAll(ddb.client(), table, SizedItems.items(200, 4_000));
    ToolRun plan =
        ToolRun.export(
            conf,
            ddb.endpoint(),
            List.of(
                work.resolve("on-demand").toUri().toString(),
                table,
                "--plan",
                "--read-units",
                "400",
                "--price-per-million",
                "0.25"));
    assertEquals(0, plan.status(), plan::stderr);
    assertTrue(
        plan.stdout().contains("read request units, on demand; at 0.25 a million: less than 0.01"),
        plan.stdout());
    assertTrue(
        plan.stdout().contains("0.5 (--read-ratio) of the 400 read units/s of --read-units"),
        plan.stdout());

    ToolRun noPlan =
        ToolRun.export(
            conf,
            ddb.endpoint(),
            List.of(
                work.resolve("priced").toUri().toString(),
                table,
                "--read-units",
                "400",
                "--price-per-million",
                "0.25"));
    assertEquals(2, noPlan.status());
    assertTrue(noPlan.stderr().contains("--price-per-million is for --plan"), noPlan.stderr());
  }

  @Test
  void aPlanWithCreateTablePlansTheTableItWouldCreateAndCreatesNone() throws Exception {
    java.nio.file.Path out = work.resolve("for-create");
    export(out, "--segments", "2").assertSucceeded();
    String table = "plan_created";
    ToolRun plan =
        importInto(out, table, "--plan", "--create-table", "--create-write-units", "300");
    assertEquals(0, plan.status(), plan::stderr);
    assertTrue(
        plan.stdout().contains("0.5 (--write-ratio) of the table's 300 provisioned write units"),
        plan.stdout());
    assertTrue(
        plan.stderr().contains("The run creates table \"plan_created\" first"), plan.stderr());
    assertThrows(
        ResourceNotFoundException.class,
        () -> ddb.client().describeTable(r -> r.tableName(table)),
        "a plan creates no table");
  }

  /**
   * An on-demand table needs no number: the tools budget it from DynamoDB's documented start for a
   * new on-demand table and its ceiling, and say so.
   */
  @Test
  void onDemandTablesNeedNoNumber() throws Exception {
    String table = "plan_on_demand_source";
    Tables.createTable(ddb.client(), table, KeySpec.string("pk"), KeySpec.number("sk"));
    Tables.putAll(ddb.client(), table, SizedItems.items(300, 500));
    java.nio.file.Path out = work.resolve("on-demand-export");
    ToolRun plan =
        ToolRun.export(conf, ddb.endpoint(), List.of(out.toUri().toString(), table, "--plan"));
    assertEquals(0, plan.status(), plan::stderr);
    assertTrue(
        plan.stdout().contains("rate:      6,000.0 read units/s: on demand: 6,000 read units/s"),
        plan.stdout());
    ToolRun exported = ToolRun.export(conf, ddb.endpoint(), List.of(out.toUri().toString(), table));
    exported.assertSucceeded();
    assertTrue(
        exported.stderr().contains("Table \"" + table + "\" is on demand: 6,000 read units/s"),
        exported.stderr());
    assertEquals(300, exported.counters().findCounter(DdbioCounter.ITEMS_READ).getValue());

    String target = "plan_on_demand_target";
    Tables.createTable(ddb.client(), target, KeySpec.string("pk"), KeySpec.number("sk"));
    ToolRun imported =
        ToolRun.importer(conf, ddb.endpoint(), List.of(out.toUri().toString(), target));
    imported.assertSucceeded();
    assertTrue(
        imported.stderr().contains("Table \"" + target + "\" is on demand: 2,000 write units/s"),
        imported.stderr());
    assertEquals(300, Tables.scanAll(ddb.client(), target).size());
  }

  private static ToolRun export(java.nio.file.Path out, String... options) throws Exception {
    List<String> args = new ArrayList<>(List.of(out.toUri().toString(), SOURCE));
    args.addAll(List.of(options));
    return ToolRun.export(conf, ddb.endpoint(), args);
  }

  private static ToolRun importInto(java.nio.file.Path in, String table, String... options)
      throws Exception {
    List<String> args = new ArrayList<>(List.of(in.toUri().toString(), table));
    args.addAll(List.of(options));
    return ToolRun.importer(conf, ddb.endpoint(), args);
  }

  private static double capacity(String plan, String direction) {
    Matcher m = CAPACITY.matcher(plan);
    assertTrue(m.find(), () -> "a capacity line:\n" + plan);
    assertEquals(direction, m.group(3), plan);
    return Double.parseDouble(m.group(2).replace(",", ""));
  }

  /** The model leaves out per-page rounding and lines' overhead: within a tenth either way. */
  private static void assertWithin(double planned, double consumed, String what) {
    assertTrue(
        Math.abs(planned - consumed) <= 0.1 * consumed,
        () -> what + ": planned " + planned + ", consumed " + consumed);
  }
}
