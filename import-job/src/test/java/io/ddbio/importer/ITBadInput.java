package io.ddbio.importer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbio.backup.DataPipelineManifest;
import io.ddbio.importer.reject.Reject;
import io.ddbio.metrics.DdbioCounter;
import io.ddbio.testkit.PkSkTables;
import io.ddbio.testkit.Tables;
import io.ddbio.testkit.junit.LocalDynamoDb;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The corpus of broken input ({@code docs/BAD-INPUT.md}) through the import tool on the
 * LocalJobRunner against DynamoDB Local: what is written, what is set aside, what fails.
 */
class ITBadInput {
  @RegisterExtension static final LocalDynamoDb ddb = LocalDynamoDb.started();

  static List<Corpus.Case> fileCases() {
    return Corpus.cases("file");
  }

  /** Every reject in a rejects directory, by file name of the data file. */
  private static Map<String, List<Reject>> rejects(Path dir) throws IOException {
    Map<String, List<Reject>> byFile = new HashMap<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".jsonl")).toList()) {
        for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
          Reject r = Reject.parse(line);
          String name = r.file().substring(r.file().lastIndexOf('/') + 1);
          byFile.computeIfAbsent(name, k -> new ArrayList<>()).add(r);
        }
      }
    }
    return byFile;
  }

  /** Lines in the data files of a directory, blank ones too, as the import counts them. */
  private static long linesIn(Path dir) throws IOException {
    long n = 0;
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.toList()) {
        if (f.getFileName().toString().equals(DataPipelineManifest.FILE_NAME)) {
          continue;
        }
        n += Corpus.lines(f).size();
      }
    }
    return n;
  }

  /**
   * Imports {@code backup} into {@code table} with {@code --max-bad-records maxBadRecords} and
   * {@code --rejects-dir rejectsDir}.
   */
  private static ImportRun importSettingAside(
      Path tmp, Path backup, String table, int maxBadRecords, Path rejectsDir) throws Exception {
    return ImportRun.of(
        ddb,
        tmp,
        backup.toString(),
        table,
        "--max-bad-records",
        Integer.toString(maxBadRecords),
        "--rejects-dir",
        rejectsDir.toString());
  }

  @Test
  void withMaxBadRecordsEveryBadLineIsSetAsideAndEveryGoodLineWritten(@TempDir Path tmp)
      throws Exception {
    PkSkTables.create(ddb.client(), "BadInputSetAside");
    Path backup = Corpus.lineBackup(tmp.resolve("backup"));
    Path rejectsDir = tmp.resolve("rejects");
    List<Corpus.Case> records = Corpus.cases("record");

    ImportRun r = importSettingAside(tmp, backup, "BadInputSetAside", records.size(), rejectsDir);

    assertEquals(0, r.exit(), r.err());
    List<Map<String, AttributeValue>> good = new ArrayList<>();
    Map<String, List<Reject>> rejects = rejects(rejectsDir);
    for (Corpus.Case c : Corpus.cases()) {
      if (c.isFile()) {
        continue;
      }
      Path file = backup.resolve(c.fileName());
      good.addAll(Corpus.goodItems(c, file, Integer.MAX_VALUE));
      if (c.isRecord()) {
        List<Reject> set = rejects.getOrDefault(c.fileName(), List.of());
        assertEquals(1, set.size(), c + ": " + set);
        Reject reject = set.get(0);
        assertEquals(Backups.hadoop(file).toString(), reject.file());
        assertEquals(c.line(), reject.line(), c.name());
        assertTrue(reject.reason().contains(c.reportedAs()), c + ": " + reject.reason());
        assertArrayEquals(Corpus.lines(file).get(c.line() - 1), reject.bytes(), c.name());
      } else {
        assertFalse(rejects.containsKey(c.fileName()), c.name());
      }
    }
    PkSkTables.assertHolds(ddb.client(), "BadInputSetAside", good);
    assertEquals(records.size(), r.counter(DdbioCounter.BAD_RECORDS));
    assertEquals(good.size(), r.counter(DdbioCounter.ITEMS_WRITTEN));
    assertEquals(good.size(), r.counter(DdbioCounter.ITEMS_READ));
    assertEquals(linesIn(backup), r.counter(DdbioCounter.LINES_READ));
    assertTrue(Files.exists(rejectsDir.resolve("_SUCCESS")));
    assertTrue(r.out().contains("SUCCEEDED"), r.out());
    assertTrue(
        r.out().matches("(?s).*bad records set aside:\\s+" + records.size() + "\\R.*"), r.out());
    assertTrue(
        r.err().contains(records.size() + " bad records set aside in file:" + rejectsDir), r.err());
  }

  /**
   * Without the option each task stops at its file's bad record: that line and those after it are
   * not written, the lines before it are. (The LocalJobRunner runs every task even once one has
   * failed, so each file's outcome can be checked.)
   */
  @Test
  void withoutItEachFileStopsAtItsBadRecordAndTheImportFailsNamingFileAndLine(@TempDir Path tmp)
      throws Exception {
    PkSkTables.create(ddb.client(), "BadInputStops");
    Path backup = Corpus.lineBackup(tmp.resolve("backup"));

    ImportRun r = ImportRun.of(ddb, tmp, backup.toString(), "BadInputStops");

    assertEquals(1, r.exit(), r.err());
    List<Map<String, AttributeValue>> before = new ArrayList<>();
    Map<String, Corpus.Case> byFile = new HashMap<>();
    for (Corpus.Case c : Corpus.cases()) {
      if (!c.isFile()) {
        Path file = backup.resolve(c.fileName());
        before.addAll(Corpus.goodItems(c, file, c.isRecord() ? c.line() : Integer.MAX_VALUE));
        byFile.put(c.fileName(), c);
      }
    }
    PkSkTables.assertHolds(ddb.client(), "BadInputStops", before);
    Matcher failed =
        Pattern.compile(
                "Import failed: file:" + Pattern.quote(backup.toString()) + "/([^:]+):(\\d+): (.*)")
            .matcher(r.err());
    assertTrue(failed.find(), r.err());
    Corpus.Case c = byFile.get(failed.group(1));
    assertTrue(c.isRecord(), c.name());
    assertEquals(c.line(), Integer.parseInt(failed.group(2)), failed.group());
    assertTrue(failed.group(3).contains(c.reportedAs()), failed.group());
    assertTrue(r.out().contains("FAILED"), r.out());
    assertEquals(0, r.counter(DdbioCounter.BAD_RECORDS));
  }

  /**
   * A file with more bad records than the whole job may set aside fails its task at the one over;
   * the rejects of the tasks that finished stay, beside the items they wrote.
   */
  @Test
  void aFileOverTheLimitFailsAtTheRecordOverIt(@TempDir Path tmp) throws Exception {
    PkSkTables.create(ddb.client(), "BadInputOverInAFile");
    Path backup = tmp.resolve("backup");
    List<Map<String, AttributeValue>> items = PkSkTables.generate(30, 30);
    Backups.writeItems(backup.resolve("a-good"), items.subList(0, 10));
    Path many = Backups.writeItems(backup.resolve("b-three-bad"), items.subList(10, 20));
    for (int line : new int[] {2, 4, 6}) {
      Backups.replaceLine(many, line, "{\"pk\":{\"s\":\"bad\"},\"sk\":{\"n\":\"" + line + "x\"}}");
    }
    Path one = Backups.writeItems(backup.resolve("c-one-bad"), items.subList(20, 30));
    Backups.replaceLine(one, 5, "{\"pk\":{\"s\":\"no sort key\"}}");
    Backups.writeManifest(backup);
    Path rejectsDir = tmp.resolve("rejects");

    ImportRun r = importSettingAside(tmp, backup, "BadInputOverInAFile", 2, rejectsDir);

    assertEquals(1, r.exit(), r.err());
    assertTrue(
        r.err().contains("Import failed: file:" + many + ":6: invalid number \"6x\""), r.err());
    assertTrue(r.err().contains("(bad record 3 of this file alone, over the 2 that"), r.err());
    assertTrue(
        r.err()
            .contains("bad records set aside by the tasks that finished are in file:" + rejectsDir),
        r.err());
    Map<String, List<Reject>> rejects = rejects(rejectsDir);
    assertEquals(List.of("c-one-bad"), List.copyOf(rejects.keySet()));
    assertEquals(5, rejects.get("c-one-bad").get(0).line());
    List<Map<String, AttributeValue>> written = new ArrayList<>(items.subList(0, 10));
    written.addAll(List.of(items.get(10), items.get(12), items.get(14)));
    written.addAll(items.subList(20, 24));
    written.addAll(items.subList(25, 30));
    PkSkTables.assertHolds(ddb.client(), "BadInputOverInAFile", written);
  }

  /**
   * Files each within the limit but together over it: the job runs to its end and every good item
   * is written, then the import fails naming the rejects, in the default place beside the backup.
   */
  @Test
  void moreInAllThanTheLimitFailsTheImportNamingTheRejects(@TempDir Path tmp) throws Exception {
    PkSkTables.create(ddb.client(), "BadInputOverInAll");
    Path backup = tmp.resolve("backup");
    List<Map<String, AttributeValue>> items = PkSkTables.generate(20, 20);
    Path a = Backups.writeItems(backup.resolve("a"), items.subList(0, 10));
    Backups.replaceLine(a, 3, "{\"pk\":{\"s\":\"x\"},\"sk\":{\"n\":\"1\"},\"e\":{\"sS\":[]}}");
    Backups.replaceLine(a, 7, "{\"pk\":{\"n\":\"7\"},\"sk\":{\"n\":\"7\"}}");
    Path b = Backups.writeItems(backup.resolve("b"), items.subList(10, 20));
    Backups.replaceLine(b, 10, "{\"pk\":{\"s\":\"x\"},\"sk\":{\"n\":\"1\"},\"z\":{\"nULL\":0}}");
    Backups.writeManifest(backup);

    ImportRun r =
        ImportRun.of(ddb, tmp, backup.toString(), "BadInputOverInAll", "--max-bad-records", "2");

    assertEquals(1, r.exit(), r.err());
    Path rejectsDir;
    try (Stream<Path> siblings = Files.list(tmp)) {
      rejectsDir =
          siblings
              .filter(p -> p.getFileName().toString().matches("backup-rejects-\\d{8}T\\d{6}Z"))
              .findFirst()
              .orElseThrow();
    }
    assertTrue(
        r.err()
            .contains(
                "Import failed: 3 bad records in all, more than the 2 that --max-bad-records"
                    + " (dynamodb.max.bad.records) allows. They are set aside in file:"
                    + rejectsDir
                    + "; every other item was written"),
        r.err());
    Map<String, List<Reject>> rejects = rejects(rejectsDir);
    assertEquals(2, rejects.get("a").size());
    assertEquals(1, rejects.get("b").size());
    List<Map<String, AttributeValue>> written = new ArrayList<>(items);
    written.removeAll(List.of(items.get(2), items.get(6), items.get(19)));
    PkSkTables.assertHolds(ddb.client(), "BadInputOverInAll", written);
    assertEquals(3, r.counter(DdbioCounter.BAD_RECORDS));
    assertTrue(r.out().contains("FAILED"), r.out());
  }

  @ParameterizedTest
  @MethodSource("fileCases")
  void fileLevelProblemsAreNeverSetAside(Corpus.Case c, @TempDir Path tmp) throws Exception {
    String table = "BadInputFile" + c.fileName().replace("-", "");
    PkSkTables.create(ddb.client(), table);
    Path backup = Corpus.fileBackup(c, tmp.resolve("backup"));
    Path rejectsDir = tmp.resolve("rejects");

    ImportRun r = importSettingAside(tmp, backup, table, 1000, rejectsDir);

    assertEquals(1, r.exit(), r.err());
    assertTrue(r.err().contains("Import failed: "), r.err());
    assertTrue(r.err().contains(c.reportedAs()), c + ": " + r.err());
    assertFalse(Files.exists(rejectsDir), "nothing was set aside");
    if (r.counters() == null) {
      assertEquals(List.of(), Tables.scanAll(ddb.client(), table), "failed before the job");
    }
  }

  @Test
  void anExistingRejectsDirectoryFailsBeforeAnythingIsWritten(@TempDir Path tmp) throws Exception {
    PkSkTables.create(ddb.client(), "BadInputRejectsExist");
    Path backup = Corpus.lineBackup(tmp.resolve("backup"));
    Path rejectsDir = Files.createDirectories(tmp.resolve("rejects"));

    ImportRun r = importSettingAside(tmp, backup, "BadInputRejectsExist", 100, rejectsDir);

    assertEquals(1, r.exit(), r.err());
    assertTrue(r.err().contains("already exists"), r.err());
    assertEquals(List.of(), Tables.scanAll(ddb.client(), "BadInputRejectsExist"));
  }

  @Test
  void aRejectsDirectoryWithoutALimitIsAUsageError(@TempDir Path tmp) throws Exception {
    ImportRun r =
        ImportRun.of(ddb, tmp, tmp.toString(), "AnyTable", "--rejects-dir", tmp.toString());

    assertEquals(2, r.exit(), r.err());
    assertTrue(r.err().contains("--max-bad-records"), r.err());
  }
}
