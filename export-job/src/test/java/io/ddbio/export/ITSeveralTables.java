package io.ddbio.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbio.backup.ExportMetadata;
import io.ddbio.testing.LocalJobs;
import io.ddbio.testkit.KeySpec;
import io.ddbio.testkit.PkSkTables;
import io.ddbio.testkit.junit.LocalDynamoDb;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Several tables in one export ({@code <outputRoot> T1,T2,T3}) end to end on DynamoDB Local and the
 * LocalJobRunner: each table a complete export of its own in {@code <outputRoot>/<table>}, the jobs
 * at the same time, a failure that stops only its table, and the exit status of them all.
 */
class ITSeveralTables {
  private static final Map<String, Integer> SIZES =
      Map.of("SeveralOrders", 300, "SeveralCustomers", 200, "SeveralItems", 150);

  @RegisterExtension static final LocalDynamoDb ddb = LocalDynamoDb.started();

  private static final Map<String, List<Map<String, AttributeValue>>> source = new HashMap<>();

  @TempDir Path tmp;

  @BeforeAll
  static void fillTables() {
    ddb.createTable("SeveralWithoutTimeToLive", KeySpec.string("pk"), null);
    long seed = 41;
    for (Map.Entry<String, Integer> t : SIZES.entrySet()) {
      source.put(
          t.getKey(), PkSkTables.createAndFill(ddb.client(), t.getKey(), t.getValue(), seed++));
      // For --skip-expired; the items have no such attribute, so none expires.
      ddb.client()
          .updateTimeToLive(
              r ->
                  r.tableName(t.getKey())
                      .timeToLiveSpecification(s -> s.attributeName("expiresAt").enabled(true)));
    }
  }

  private ExportRun export(String... args) throws Exception {
    return ExportRun.run(LocalJobs.conf(tmp, 2), ddb.endpoint(), args);
  }

  @Test
  void oneMissingTableFailsAloneAndTheExitStatusSaysSo() throws Exception {
    Path root = tmp.resolve("backups");
    ExportRun run =
        export(root.toString(), "SeveralOrders,NoSuchTable,SeveralCustomers", "1.0", "2");
    assertEquals(1, run.status(), run::stderr);

    for (String table : List.of("SeveralOrders", "SeveralCustomers")) {
      assertCompleteExport(root.resolve(table), table);
    }
    assertFalse(Files.exists(root.resolve("NoSuchTable")), "nothing written for the missing table");
    assertTrue(run.stderr().contains("\"NoSuchTable\" does not exist"), run.stderr());

    String out = run.stdout();
    assertTrue(
        out.contains(
            "Export of table \"SeveralOrders\" to file:"
                + root.resolve("SeveralOrders")
                + ": SUCCEEDED"),
        out);
    assertTrue(
        out.contains(
            "Export of table \"SeveralCustomers\" to file:"
                + root.resolve("SeveralCustomers")
                + ": SUCCEEDED"),
        out);
    assertTrue(out.contains("Export of 3 tables: 2 succeeded, 1 failed"), out);
    assertTrue(out.matches("(?s).*\\R  SeveralOrders +SUCCEEDED +300 .*"), out);
    assertTrue(out.matches("(?s).*\\R  NoSuchTable +FAILED +- .*"), out);
    assertTrue(out.matches("(?s).*\\R  total +1 FAILED +500 .*"), out);
    assertTrue(
        out.matches("(?s).*\\RFailed:\\R  NoSuchTable: .*\"NoSuchTable\" does not exist.*"), out);
    assertNull(run.tool().counters(), "no one job's counters for several");
  }

  @Test
  void allSucceedAtTheSameTimeWithEveryItemOnce() throws Exception {
    Path root = tmp.resolve("all");
    ExportRun run =
        export(root.toString(), "SeveralOrders,SeveralCustomers,SeveralItems", "1.0", "2");
    assertEquals(0, run.status(), run::stderr);

    Instant latestStart = Instant.MIN;
    Instant earliestEnd = Instant.MAX;
    for (String table : SIZES.keySet()) {
      Path dir = root.resolve(table);
      assertCompleteExport(dir, table);
      PkSkTables.assertSameItems(source.get(table), ExportFiles.dataPipelineItems(dir, false));
      ExportMetadata metadata = ExportFiles.metadata(dir);
      latestStart = max(latestStart, Instant.parse(metadata.startTime()));
      earliestEnd = min(earliestEnd, Instant.parse(metadata.endTime()));
    }
    // One after another, the last export would start after the first had ended.
    assertTrue(latestStart.isBefore(earliestEnd), "the exports ran at the same time");
    assertTrue(run.stdout().contains("Export of 3 tables: 3 succeeded, 0 failed"), run.stdout());
    assertTrue(run.stdout().matches("(?s).*\\R  total +SUCCEEDED +650 .*"), run.stdout());
    assertFalse(run.stdout().contains("Failed:"), run.stdout());
  }

  /**
   * Failures found before a job is submitted stop only their table: an output directory that exists
   * (left as it was), and an option the table cannot be exported with (--skip-expired on a table
   * without a time to live), which for one table alone would be a usage error.
   */
  @Test
  void anExistingDirectoryOrAnOptionTheTableRefusesFailsOnlyItsTable() throws Exception {
    Path root = tmp.resolve("existing");
    Path taken = Files.createDirectories(root.resolve("SeveralItems"));
    Files.writeString(taken.resolve("keep.txt"), "mine");
    ExportRun run =
        export(
            root.toString(),
            "SeveralItems,SeveralWithoutTimeToLive,SeveralCustomers",
            "1.0",
            "2",
            "--skip-expired");
    assertEquals(1, run.status(), run::stderr);

    assertCompleteExport(root.resolve("SeveralCustomers"), "SeveralCustomers");
    try (var files = Files.list(taken)) {
      assertEquals(List.of(taken.resolve("keep.txt")), files.toList());
    }
    assertFalse(Files.exists(root.resolve("SeveralWithoutTimeToLive")));
    String out = run.stdout();
    assertTrue(out.contains("Export of 3 tables: 1 succeeded, 2 failed"), out);
    assertTrue(out.matches("(?s).*\\RFailed:\\R  SeveralItems: .*already exists.*"), out);
    assertTrue(out.matches("(?s).*\\R  SeveralWithoutTimeToLive: .*has no time to live on.*"), out);
    assertFalse(run.stderr().contains("Usage:"), "no usage for one table's setting");
  }

  @Test
  void aPlanForEachTableInTheOrderGivenAndNothingWritten() throws Exception {
    Path root = tmp.resolve("planned");
    ExportRun run = export(root.toString(), "SeveralItems,SeveralOrders", "--plan");
    assertEquals(0, run.status(), run::stderr);
    String out = run.stdout();
    int items =
        out.indexOf(
            "Plan: Export of table \"SeveralItems\" to file:" + root.resolve("SeveralItems"));
    int orders =
        out.indexOf(
            "Plan: Export of table \"SeveralOrders\" to file:" + root.resolve("SeveralOrders"));
    assertTrue(items >= 0 && orders > items, out);
    assertFalse(out.contains("Export of 2 tables"), "no summary of runs that did not run: " + out);
    assertFalse(Files.exists(root));
  }

  /**
   * A complete export of {@code table} in {@code dir}: _SUCCESS, manifest, metadata, every item.
   */
  private static void assertCompleteExport(Path dir, String table) throws Exception {
    List<String> dataFiles = ExportFiles.dataFiles(dir);
    assertEquals(
        ExportFiles.expectedManifest(dir, dataFiles), Files.readString(dir.resolve("manifest")));
    ExportMetadata metadata = ExportFiles.metadata(dir);
    assertEquals(table, metadata.table().tableName());
    assertEquals((long) SIZES.get(table), metadata.itemCount(), table);
    assertEquals(SIZES.get(table), ExportFiles.dataPipelineItems(dir, false).size(), table);
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}
