package io.ddbio.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbio.backup.ExportSelection;
import io.ddbio.mapreduce.JobCounts;
import io.ddbio.testkit.Fixtures;
import io.ddbio.testkit.KeySpec;
import io.ddbio.testkit.PkSkTables;
import io.ddbio.testkit.Tables;
import io.ddbio.testkit.junit.LocalDynamoDb;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.mapreduce.Counters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The import tool's failures end to end: each exits 1 with a message naming what is wrong. */
class ITImportFailures {
  @RegisterExtension static final LocalDynamoDb ddb = LocalDynamoDb.started();

  /**
   * Counters the cluster cannot give are unknown counts, and unknown counts fail the import: read
   * as zeros, "0 read, 0 written" would pass for a backup without metadata. On YARN, once the
   * application master has gone and the history server cannot answer, Hadoop's client returns
   * counters with no group at all; a null is the other way a client can fail to have them.
   */
  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void countersThatCannotBeReadFailTheImport(boolean emptyRatherThanNull, @TempDir Path tmp)
      throws Exception {
    String table = "ImportNoCounters" + emptyRatherThanNull;
    PkSkTables.create(ddb.client(), table);
    JobCounts.Source lost = job -> emptyRatherThanNull ? new Counters() : null;

    ImportRun r =
        ImportRun.of(lost, ddb, tmp, Fixtures.root().resolve("datapipeline-v3").toString(), table);

    assertEquals(1, r.exit(), r.err());
    assertTrue(r.err().contains("could not be read"), r.err());
    assertTrue(r.err().contains("counts are unknown"), r.err());
    assertFalse(r.out().contains("SUCCEEDED"), r.out());
  }

  @Test
  void missingTableFailsNamingTableRegionAndEndpoint(@TempDir Path tmp) throws Exception {
    ImportRun r =
        ImportRun.of(
            ddb, tmp, Fixtures.root().resolve("datapipeline-v3").toString(), "NoSuchImportTable");

    assertEquals(1, r.exit());
    assertTrue(r.err().contains("\"NoSuchImportTable\" does not exist"), r.err());
    assertTrue(r.err().contains("us-east-1"), r.err());
    assertTrue(r.err().contains(ddb.endpoint().toString()), r.err());
    assertFalse(ddb.client().listTables().tableNames().contains("NoSuchImportTable"));
  }

  @Test
  void tableWithAnotherKeyFailsNamingTheAttributeAndStaysEmpty(@TempDir Path tmp) throws Exception {
    Tables.createTable(ddb.client(), "ImportKeyedById", KeySpec.string("id"), null, 1000, 1000);

    ImportRun r =
        ImportRun.of(
            ddb,
            tmp,
            Fixtures.root().resolve("datapipeline-legacy").toString(),
            "ImportKeyedById",
            "--allow-no-manifest");

    assertEquals(1, r.exit());
    assertTrue(r.err().contains("no key attribute id (S)"), r.err());
    assertTrue(r.err().contains("000000:1: "), r.err());
    assertEquals(List.of(), Tables.scanAll(ddb.client(), "ImportKeyedById"));
  }

  @Test
  void keySchemaFromMetadataIsCheckedBeforeWriting(@TempDir Path tmp) throws Exception {
    Tables.createTable(ddb.client(), "ImportMetaKeyedById", KeySpec.string("id"), null, 1000, 1000);
    Path backup = v3BackupWithMetadata(tmp, 40);

    ImportRun r = ImportRun.of(ddb, tmp, backup.toString(), "ImportMetaKeyedById");

    assertEquals(1, r.exit());
    assertTrue(
        r.err().contains("partition key pk (S) in the backup, id (S) in the table"), r.err());
    assertTrue(r.err().contains("sort key sk (N) in the backup, none in the table"), r.err());
    assertEquals(List.of(), Tables.scanAll(ddb.client(), "ImportMetaKeyedById"));
  }

  /**
   * Data Pipeline writes the manifest last, so data files without one may be an unfinished export:
   * imported only when asked, saying which files and that nothing shows they are all.
   */
  @Test
  void dataFilesWithoutAManifestAreImportedOnlyWithAllowNoManifest(@TempDir Path tmp)
      throws Exception {
    PkSkTables.create(ddb.client(), "ImportNoManifest");
    List<Map<String, AttributeValue>> items = PkSkTables.generate(30, 30);
    Path backup = tmp.resolve("backup");
    Path part0 = Backups.writeItems(backup.resolve("part-0"), items.subList(0, 20));
    Path part1 = Backups.writeItems(backup.resolve("part-1"), items.subList(20, 30));

    ImportRun refused = ImportRun.of(ddb, tmp.resolve("1"), backup.toString(), "ImportNoManifest");

    assertEquals(1, refused.exit(), refused.err());
    assertTrue(
        refused.err().contains("Import failed: No manifest in file:" + backup), refused.err());
    assertTrue(refused.err().contains("an unfinished export?"), refused.err());
    assertTrue(refused.err().contains("--allow-no-manifest"), refused.err());
    assertEquals(List.of(), Tables.scanAll(ddb.client(), "ImportNoManifest"));

    ImportRun allowed =
        ImportRun.of(
            ddb, tmp.resolve("2"), backup.toString(), "ImportNoManifest", "--allow-no-manifest");

    assertEquals(0, allowed.exit(), allowed.err());
    assertTrue(allowed.err().contains("no manifest in file:" + backup), allowed.err());
    assertTrue(allowed.err().contains("  file:" + part0 + "\n"), allowed.err());
    assertTrue(allowed.err().contains("  file:" + part1 + "\n"), allowed.err());
    assertTrue(allowed.err().contains("completeness cannot be checked"), allowed.err());
    PkSkTables.assertHolds(ddb.client(), "ImportNoManifest", items);
  }

  @Test
  void invalidManifestFailsNamingItAndWritesNothing(@TempDir Path tmp) throws Exception {
    PkSkTables.create(ddb.client(), "ImportBadManifest");
    Path backup = Backups.copyFixture("datapipeline-v3", tmp.resolve("backup"));
    Backups.write(backup.resolve("manifest"), "{\"name\":\"DynamoDB-export\",\"version\":3,");

    ImportRun r = ImportRun.of(ddb, tmp, backup.toString(), "ImportBadManifest");

    assertEquals(1, r.exit());
    assertTrue(r.err().contains("Manifest file:" + backup.resolve("manifest")), r.err());
    assertTrue(r.err().contains("not valid JSON"), r.err());
    assertEquals(List.of(), Tables.scanAll(ddb.client(), "ImportBadManifest"));
  }

  @Test
  void badLineInTheMiddleOfAFileFailsWithFileLineAndReason(@TempDir Path tmp) throws Exception {
    PkSkTables.create(ddb.client(), "ImportBadLine");
    List<Map<String, AttributeValue>> items = PkSkTables.generate(150, 150);
    // Past the lines the key check samples, so the map task meets it.
    Path data =
        oneFileBackupWithBadLine(
            tmp, items, 120, "{\"pk\":{\"s\":\"x\"},\"sk\":{\"n\":\"twelve\"}}");

    ImportRun r = ImportRun.of(ddb, tmp, data.getParent().toString(), "ImportBadLine");

    assertEquals(1, r.exit(), r.err());
    assertTrue(r.err().contains("Import failed: file:" + data + ":120: "), r.err());
    assertTrue(r.err().contains("sk"), r.err());
    assertTrue(r.out().contains("FAILED"), r.out());
    // The bad line and those after it are not written; those before it are, the last batch too.
    PkSkTables.assertHolds(ddb.client(), "ImportBadLine", items.subList(0, 119));
  }

  @Test
  void itemWithoutItsKeyFailsWithFileAndLine(@TempDir Path tmp) throws Exception {
    PkSkTables.create(ddb.client(), "ImportNoKey");
    Path data =
        oneFileBackupWithBadLine(
            tmp,
            PkSkTables.generate(150, 150),
            130,
            "{\"pk\":{\"s\":\"no sort key\"},\"n\":{\"n\":\"1\"}}");

    ImportRun r = ImportRun.of(ddb, tmp, data.getParent().toString(), "ImportNoKey");

    assertEquals(1, r.exit(), r.err());
    assertTrue(
        r.err().contains("file:" + data + ":130: Item has no key attribute sk (N)"), r.err());
  }

  @Test
  void badLineAmongTheFirstFailsBeforeAnythingIsWritten(@TempDir Path tmp) throws Exception {
    PkSkTables.create(ddb.client(), "ImportBadFirstLines");
    Path data =
        oneFileBackupWithBadLine(
            tmp, PkSkTables.generate(10, 10), 3, "{\"pk\":{\"s\":\"x\"},\"sk\":{\"q\":\"1\"}}");

    ImportRun r = ImportRun.of(ddb, tmp, data.getParent().toString(), "ImportBadFirstLines");

    assertEquals(1, r.exit());
    assertTrue(r.err().contains("file:" + data + ":3: "), r.err());
    assertEquals(List.of(), Tables.scanAll(ddb.client(), "ImportBadFirstLines"));
  }

  @Test
  void metadataCountsAreChecked(@TempDir Path tmp) throws Exception {
    PkSkTables.create(ddb.client(), "ImportCounted");
    Path backup = v3BackupWithMetadata(tmp, 41);

    ImportRun r = ImportRun.of(ddb, tmp, backup.toString(), "ImportCounted");

    assertEquals(1, r.exit());
    assertTrue(r.err().contains("records 41 items, but 40 were read"), r.err());
    assertTrue(r.out().contains("FAILED"), r.out());
  }

  @Test
  void alteredFileOfTheSameSizeFailsOnItsChecksumAndNoneOfItIsWritten(@TempDir Path tmp)
      throws Exception {
    PkSkTables.create(ddb.client(), "ImportAltered");
    Path backup = v3BackupWithMetadata(tmp, 40);
    Path plain = backup.resolve("ae10f955-fb2f-4790-9b11-fbfea01a871e_000000");
    String text = java.nio.file.Files.readString(plain);
    assertTrue(text.contains("\"Ada\""));
    // Same length, still valid lines: only the recorded checksum can tell.
    java.nio.file.Files.writeString(plain, text.replace("\"Ada\"", "\"Adb\""));

    ImportRun r = ImportRun.of(ddb, tmp, backup.toString(), "ImportAltered");

    assertEquals(1, r.exit());
    assertTrue(r.err().contains("SHA-256"), r.err());
    assertTrue(r.err().contains("ae10f955-fb2f-4790-9b11-fbfea01a871e_000000"), r.err());
    for (var item : Tables.scanAll(ddb.client(), "ImportAltered")) {
      assertFalse(item.containsKey("name"), "an item of the altered file was written: " + item);
    }
  }

  @Test
  void projectedExportIsRefusedUnlessAllowedBecauseItWouldStripAttributes(@TempDir Path tmp)
      throws Exception {
    PkSkTables.create(ddb.client(), "ImportProjected");
    Path backup = Backups.copyFixture("datapipeline-v3", tmp.resolve("backup"));
    Backups.writeMetadata(
        backup,
        Backups.v3DataFiles(backup),
        40,
        Backups.schema("pk", "S", "sk", "N"),
        new ExportSelection("pk, sk, #n", null, Map.of("#n", "name"), null));

    ImportRun refused =
        ImportRun.of(ddb, tmp.resolve("refused"), backup.toString(), "ImportProjected");

    assertEquals(1, refused.exit());
    assertTrue(refused.err().contains("projection \"pk, sk, #n\""), refused.err());
    assertTrue(refused.err().contains("--allow-partial-items"), refused.err());
    assertTrue(Tables.scanAll(ddb.client(), "ImportProjected").isEmpty());

    ImportRun allowed =
        ImportRun.of(
            ddb,
            tmp.resolve("allowed"),
            backup.toString(),
            "ImportProjected",
            "--allow-partial-items");

    assertEquals(0, allowed.exit(), allowed.err());
    assertTrue(allowed.err().contains("Warning: importing a partial export"), allowed.err());
    assertEquals(40, Tables.scanAll(ddb.client(), "ImportProjected").size());
  }

  /**
   * A copy of the {@code datapipeline-v3} fixture in {@code tmp/backup} with the metadata a ddbio
   * export writes for its files and its key, pk (S) and sk (N), recording {@code itemCount} items
   * (the fixture holds 40).
   */
  private static Path v3BackupWithMetadata(Path tmp, long itemCount) throws Exception {
    Path backup = Backups.copyFixture("datapipeline-v3", tmp.resolve("backup"));
    Backups.writeMetadata(backup, Backups.v3DataFiles(backup), itemCount, "pk", "S", "sk", "N");
    return backup;
  }

  /**
   * A backup in {@code tmp/backup} of one data file, {@code part-0}, holding {@code items} but for
   * line {@code number} (from 1), which is {@code badLine}, with its manifest; returns the file.
   */
  private static Path oneFileBackupWithBadLine(
      Path tmp, List<Map<String, AttributeValue>> items, int number, String badLine)
      throws Exception {
    Path data = Backups.writeItems(tmp.resolve("backup").resolve("part-0"), items);
    Backups.replaceLine(data, number, badLine);
    Backups.writeManifest(data.getParent());
    return data;
  }
}
