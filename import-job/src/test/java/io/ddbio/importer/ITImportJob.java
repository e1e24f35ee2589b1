package io.ddbio.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbio.metrics.DdbioCounter;
import io.ddbio.testkit.Fixtures;
import io.ddbio.testkit.KeySpec;
import io.ddbio.testkit.PkSkTables;
import io.ddbio.testkit.Tables;
import io.ddbio.testkit.junit.LocalDynamoDb;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The import tool end to end on the LocalJobRunner against DynamoDB Local: backups that restore.
 */
class ITImportJob {
  @RegisterExtension static final LocalDynamoDb ddb = LocalDynamoDb.started();

  @Test
  void dataPipelineV3BackupCopiedElsewhereImportsTheCanonicalItems(@TempDir Path tmp)
      throws Exception {
    PkSkTables.create(ddb.client(), "ImportV3");
    Path backup = Fixtures.root().resolve("datapipeline-v3");

    ImportRun r = ImportRun.of(ddb, tmp, backup.toString(), "ImportV3");

    assertEquals(0, r.exit(), r.err());
    PkSkTables.assertHolds(ddb.client(), "ImportV3", Fixtures.canonicalItems());
    long lines = 0;
    long bytes = 0;
    for (Path f : Backups.v3DataFiles(backup)) {
      for (byte[] line : Fixtures.lines(f)) {
        lines++;
        bytes += line.length;
      }
    }
    assertEquals(40, r.counter(DdbioCounter.ITEMS_READ));
    assertEquals(40, r.counter(DdbioCounter.ITEMS_WRITTEN));
    assertEquals(lines, r.counter(DdbioCounter.LINES_READ));
    assertEquals(bytes, r.counter(DdbioCounter.BYTES_READ));
    assertTrue(r.out().contains("SUCCEEDED"), r.out());
    assertTrue(r.out().matches("(?s).*items written:\\s+40\\R.*"), r.out());
  }

  @Test
  void legacyBackupWithoutManifestImportsTheCanonicalItems(@TempDir Path tmp) throws Exception {
    PkSkTables.create(ddb.client(), "ImportLegacy");

    ImportRun r =
        ImportRun.of(
            ddb,
            tmp,
            Fixtures.root().resolve("datapipeline-legacy").toString(),
            "ImportLegacy",
            "--allow-no-manifest");

    assertEquals(0, r.exit(), r.err());
    assertTrue(r.err().contains("completeness cannot be checked"), r.err());
    PkSkTables.assertHolds(ddb.client(), "ImportLegacy", Fixtures.canonicalItems());
    assertEquals(40, r.counter(DdbioCounter.ITEMS_READ));
    assertEquals(40, r.counter(DdbioCounter.ITEMS_WRITTEN));
  }

  @Test
  void itemsWithAKeyInTheTableAreReplacedAndOthersKept(@TempDir Path tmp) throws Exception {
    PkSkTables.create(ddb.client(), "ImportReplace");
    List<Map<String, AttributeValue>> canonical = Fixtures.canonicalItems();
    List<Map<String, AttributeValue>> before = new ArrayList<>();
    for (Map<String, AttributeValue> item : canonical.subList(0, 5)) {
      Map<String, AttributeValue> old = new HashMap<>();
      old.put("pk", item.get("pk"));
      old.put("sk", item.get("sk"));
      old.put("stale", AttributeValue.fromS("from before the import"));
      before.add(old);
    }
    List<Map<String, AttributeValue>> others = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      others.add(
          Map.of(
              "pk", AttributeValue.fromS("kept-" + i),
              "sk", AttributeValue.fromN(Integer.toString(i)),
              "note", AttributeValue.fromS("not in the backup")));
    }
    Tables.putAll(ddb.client(), "ImportReplace", before);
    Tables.putAll(ddb.client(), "ImportReplace", others);

    ImportRun r =
        ImportRun.of(
            ddb, tmp, Fixtures.root().resolve("datapipeline-v3").toString(), "ImportReplace");

    assertEquals(0, r.exit(), r.err());
    List<Map<String, AttributeValue>> expected = new ArrayList<>(canonical);
    expected.addAll(others);
    PkSkTables.assertHolds(ddb.client(), "ImportReplace", expected);
  }

  @Test
  void blankLinesCrLfAndAMissingLastNewlineAreTolerated(@TempDir Path tmp) throws Exception {
    PkSkTables.create(ddb.client(), "ImportCrLf");
    Path backup = Backups.copyFixture("datapipeline-v3", tmp.resolve("backup"));
    long lines = 0;
    for (Path f : Backups.v3DataFiles(backup)) {
      // A byte order mark, blank lines (one of spaces and a tab), CRLF ends, none after the last.
      List<String> crlf = new ArrayList<>();
      for (byte[] line : Fixtures.lines(f)) {
        crlf.add(new String(line, StandardCharsets.UTF_8));
        if (crlf.size() == 1) {
          crlf.set(0, "\uFEFF" + crlf.get(0));
          crlf.addAll(List.of("", "  \t"));
        }
      }
      crlf.add(crlf.size() - 1, "");
      lines += crlf.size();
      byte[] content = String.join("\r\n", crlf).getBytes(StandardCharsets.UTF_8);
      try (OutputStream out = Files.newOutputStream(f);
          OutputStream data = f.toString().endsWith(".gz") ? new GZIPOutputStream(out) : out) {
        data.write(content);
      }
    }

    ImportRun r = ImportRun.of(ddb, tmp, backup.toString(), "ImportCrLf");

    assertEquals(0, r.exit(), r.err());
    PkSkTables.assertHolds(ddb.client(), "ImportCrLf", Fixtures.canonicalItems());
    assertEquals(lines, r.counter(DdbioCounter.LINES_READ));
    assertEquals(40, r.counter(DdbioCounter.ITEMS_READ));
  }

  @Test
  void backupWithMatchingMetadataImports(@TempDir Path tmp) throws Exception {
    PkSkTables.create(ddb.client(), "ImportWithMetadata");
    Path backup = Backups.copyFixture("datapipeline-v3", tmp.resolve("backup"));
    Backups.writeMetadata(backup, Backups.v3DataFiles(backup), 40, "pk", "S", "sk", "N");

    ImportRun r = ImportRun.of(ddb, tmp, backup.toString(), "ImportWithMetadata");

    assertEquals(0, r.exit(), r.err());
    PkSkTables.assertHolds(ddb.client(), "ImportWithMetadata", Fixtures.canonicalItems());
  }

  @Test
  void theExportOfAnEmptyTableImportsAsNoItems(@TempDir Path tmp) throws Exception {
    PkSkTables.create(ddb.client(), "ImportEmpty");
    Path backup = Files.createDirectories(tmp.resolve("empty"));
    Files.write(backup.resolve("manifest"), io.ddbio.backup.DataPipelineManifest.render(List.of()));
    Files.writeString(backup.resolve("_SUCCESS"), "");
    Backups.writeMetadata(backup, List.of(), 0, "pk", "S", "sk", "N");

    ImportRun r = ImportRun.of(ddb, tmp, backup.toString(), "ImportEmpty");

    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("SUCCEEDED"), r.out());
    assertEquals(0, r.counter(DdbioCounter.ITEMS_WRITTEN));
    assertTrue(Tables.scanAll(ddb.client(), "ImportEmpty").isEmpty());
  }

  /**
   * An on-demand table needs no number: the import writes at its share of what a new on-demand
   * table takes at once (DescribeTable on DynamoDB Local reports no warm throughput), and says so;
   * --write-units still sets the budget.
   */
  @Test
  void onDemandTableNeedsNoWriteUnits(@TempDir Path tmp) throws Exception {
    Tables.createTable(ddb.client(), "ImportOnDemand", KeySpec.string("pk"), KeySpec.number("sk"));
    String backup = Fixtures.root().resolve("datapipeline-v3").toString();

    ImportRun without = ImportRun.of(ddb, tmp.resolve("1"), backup, "ImportOnDemand");
    assertEquals(0, without.exit(), without.err());
    assertTrue(
        without.err().contains("Table \"ImportOnDemand\" is on demand: 2,000 write units/s"),
        without.err());
    assertTrue(without.err().contains("Give --write-units"), without.err());
    PkSkTables.assertHolds(ddb.client(), "ImportOnDemand", Fixtures.canonicalItems());

    ImportRun with =
        ImportRun.of(
            ddb, tmp.resolve("2"), backup, "ImportOnDemand", "0.8", "--write-units", "500");
    assertEquals(0, with.exit(), with.err());
    PkSkTables.assertHolds(ddb.client(), "ImportOnDemand", Fixtures.canonicalItems());
  }
}
