package io.ddbio.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbio.importer.progress.ImportProgress;
import io.ddbio.importer.progress.StartedImport;
import io.ddbio.metrics.DdbioCounter;
import io.ddbio.testing.KillableToolJvm;
import io.ddbio.testkit.Fixtures;
import io.ddbio.testkit.PkSkTables;
import io.ddbio.testkit.junit.LocalDynamoDb;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@code --resume} after the whole import was killed: the tool's JVM, with its LocalJobRunner, gets
 * SIGKILL once about half of the 16 data files are recorded as imported, and a second run finishes
 * the import. The table is then exact, and the second run read only the files no task had recorded.
 */
class ITImportResume {
  private static final int FILES = 16;
  private static final int ITEMS_PER_FILE = 20;

  @RegisterExtension static final LocalDynamoDb ddb = LocalDynamoDb.started();

  @TempDir Path tmp;

  /** A Data Pipeline backup of 16 files, with its manifest; returns its items. */
  private List<Map<String, AttributeValue>> backup(Path dir) throws Exception {
    List<Map<String, AttributeValue>> items = PkSkTables.generate(FILES * ITEMS_PER_FILE, 31);
    for (int f = 0; f < FILES; f++) {
      Backups.writeItems(
          dir.resolve(String.format("part-%05d", f)),
          items.subList(f * ITEMS_PER_FILE, (f + 1) * ITEMS_PER_FILE));
    }
    Backups.writeManifest(dir);
    return items;
  }

  /**
   * A copy of the native fixture, and the data file {@code file} of it that a test breaks before a
   * run that fails, then puts back as it was.
   */
  private record NativeCopy(Path prefix, Path exportDir, Path file, byte[] original) {
    void putBack() throws IOException {
      Files.write(file, original);
    }
  }

  /**
   * A copy of the native fixture in {@code tmp/<name>}; its data file {@code fileIndex} to break.
   */
  private NativeCopy nativeCopy(String name, int fileIndex) throws IOException {
    Path prefix = Backups.copyFixture("native-ddb-json", tmp.resolve(name));
    Path exportDir = NativeExports.exportDir(prefix, NativeExports.FIXTURE_ID);
    Path file = exportDir.resolve("data").resolve(NativeExports.FIXTURE_FILES.get(fileIndex));
    return new NativeCopy(prefix, exportDir, file, Files.readAllBytes(file));
  }

  /** The progress directory the tool chooses for {@code backup} and {@code table}. */
  private static Path progressOf(Path backup, String table) {
    return backup.resolveSibling(backup.getFileName() + "-import-" + table + "-progress");
  }

  @Test
  void anImportKilledHalfWayIsFinishedByAResumeThatReadsOnlyWhatWasLeft() throws Exception {
    String table = "ResumeTarget";
    PkSkTables.create(ddb.client(), table);
    Path backup = tmp.resolve("backup");
    List<Map<String, AttributeValue>> items = backup(backup);
    Path progress = progressOf(backup, table);

    // 2% of 1,000 write units, shared by two tasks: each file takes a second or more.
    KillableToolJvm child = startInChildJvm(backup, table, "0.02");
    child.killWhen(
        () -> recorded(progress) >= FILES / 2 && child.log().contains(" items/s, "),
        "half of the files imported, and a line of progress printed");
    assertTrue(
        child
            .log()
            .matches(
                "(?s).*Import of \\S+ into table \"ResumeTarget\": [0-9,]+ items, [0-9,]+ items/s,"
                    + " [0-9.,]+ of 20\\.0 write units/s, 0 throttled\\R.*"),
        child.log());
    // Read as the resume will read it: a record the kill cut short (at most one per task that
    // was running, two here) counts as not imported.
    long done =
        ImportProgress.at(Backups.hadoop(progress), new Configuration()).done(d -> {}).files();
    assertTrue(done >= FILES / 2 - 2 && done < FILES, "killed half-way: " + done);

    ImportRun run =
        ImportRun.of(ddb, tmp, backup.toString(), table, "--write-ratio", "1.0", "--resume");

    assertEquals(0, run.exit(), run.err());
    PkSkTables.assertHolds(ddb.client(), table, items);
    // What was redone is exactly the files no task had recorded: those running when the JVM died,
    // and those not yet started, each from its start.
    assertEquals((FILES - done) * ITEMS_PER_FILE, run.counter(DdbioCounter.ITEMS_READ));
    assertEquals((FILES - done) * ITEMS_PER_FILE, run.counter(DdbioCounter.ITEMS_WRITTEN));
    assertTrue(run.err().contains("Resuming the import started"), run.err());
    assertTrue(
        run.out()
            .matches(
                "(?s).*done by earlier runs:\\s+"
                    + done
                    + " of 16 files, "
                    + done * ITEMS_PER_FILE
                    + " items written\\R.*"),
        run.out());
    assertTrue(
        run.out().matches("(?s).*items written:\\s+" + (FILES - done) * ITEMS_PER_FILE + "\\R.*"),
        run.out());
    assertFalse(Files.exists(progress), "a finished import leaves no progress behind");
  }

  /**
   * A native export whose first data file does not match its manifest's MD5: the first run imports
   * the other file and fails; once the file is put back, {@code --resume} imports it alone, and the
   * count check takes both runs' items against the summary's 40.
   */
  @Test
  void aNativeImportThatFailedOnOneFileIsFinishedByAResumeOfThatFileAlone() throws Exception {
    String table = "NativeResume";
    PkSkTables.create(ddb.client(), table);
    NativeCopy copy = nativeCopy("native", 0);
    List<String> lines = textLines(copy.file());
    lines.set(0, lines.get(0).replace("\"Ada\"", "\"Eve\""));
    NativeExports.gzip(copy.file(), lines);

    ImportRun failed = ImportRun.of(ddb, tmp, copy.prefix().toString(), table);

    assertEquals(1, failed.exit(), failed.err());
    assertTrue(failed.err().contains(copy.file().getFileName() + " has MD5 "), failed.err());
    assertTrue(
        failed.err().contains("Kept the import's progress in ")
            && failed.err().contains(": 1 of 2 files, 20 items written. Rerun the same command"),
        failed.err());

    copy.putBack();
    ImportRun resumed = ImportRun.of(ddb, tmp, copy.prefix().toString(), table, "--resume");

    assertEquals(0, resumed.exit(), resumed.err());
    assertEquals(20, resumed.counter(DdbioCounter.ITEMS_READ));
    assertTrue(
        resumed.out().matches("(?s).*done by earlier runs:\\s+1 of 2 files, 20 items written\\R.*"),
        resumed.out());
    PkSkTables.assertHolds(ddb.client(), table, Fixtures.canonicalItems());
    assertFalse(Files.exists(progressOf(copy.exportDir(), table)));
  }

  /**
   * A run with {@code --rejects-dir} that set a record aside in one file and failed on another: the
   * same command with {@code --resume} keeps the first run's rejects where they are, puts its own
   * beside them, and imports only the file that failed.
   */
  @Test
  void aResumeKeepsTheEarlierRunsRejectsAndImportsOnlyTheFileThatFailed() throws Exception {
    String table = "RejectsResume";
    PkSkTables.create(ddb.client(), table);
    Path backup = tmp.resolve("with-rejects");
    List<Map<String, AttributeValue>> items = PkSkTables.generate(20, 7);
    Path a = Backups.writeItems(backup.resolve("a"), items.subList(0, 10));
    Backups.replaceLine(a, 3, "not an item");
    Path b = backup.resolve("b.gz");
    Backups.write(b, "not gzip at all");
    Backups.writeManifest(backup);
    Path rejects = tmp.resolve("rejects");
    String[] command = {
      backup.toString(), table, "--max-bad-records", "5", "--rejects-dir", rejects.toString()
    };

    ImportRun failed = ImportRun.of(ddb, tmp, command);

    assertEquals(1, failed.exit(), failed.err());
    assertTrue(failed.err().contains("1 of 2 files, 9 items written"), failed.err());
    assertTrue(Files.isDirectory(rejects), failed.err());

    Path plain = Backups.writeItems(tmp.resolve("b-plain"), items.subList(10, 20));
    NativeExports.gzip(b, textLines(plain));
    List<String> again = new ArrayList<>(List.of(command));
    again.add("--resume");
    ImportRun resumed = ImportRun.of(ddb, tmp, again.toArray(String[]::new));

    assertEquals(0, resumed.exit(), resumed.err());
    assertEquals(10, resumed.counter(DdbioCounter.ITEMS_READ));
    assertTrue(
        resumed.err().contains("of the files already imported stay in file:" + rejects),
        resumed.err());
    List<Map<String, AttributeValue>> expected = new ArrayList<>(items);
    expected.remove(2);
    PkSkTables.assertHolds(ddb.client(), table, expected);
    try (Stream<Path> kept = Files.list(rejects)) {
      assertEquals(
          1L,
          kept.filter(f -> f.getFileName().toString().endsWith(".jsonl")).count(),
          "the first run's reject is where it was");
    }
  }

  /**
   * A rerun without {@code --resume} after a failed run imports every file again, as it always did,
   * though the record names a file it could have skipped.
   */
  @Test
  void aRerunWithoutResumeImportsEveryFileAgain() throws Exception {
    String table = "RerunTarget";
    PkSkTables.create(ddb.client(), table);
    NativeCopy copy = nativeCopy("rerun", 1);
    Files.write(copy.file(), "not gzip".getBytes(StandardCharsets.UTF_8));
    assertEquals(1, ImportRun.of(ddb, tmp, copy.prefix().toString(), table).exit());
    copy.putBack();

    ImportRun run = ImportRun.of(ddb, tmp, copy.prefix().toString(), table);

    assertEquals(0, run.exit(), run.err());
    assertTrue(run.err().contains("did not finish; importing every file again"), run.err());
    assertEquals(40, run.counter(DdbioCounter.ITEMS_READ));
    PkSkTables.assertHolds(ddb.client(), table, Fixtures.canonicalItems());
    assertFalse(run.out().contains("earlier runs"), run.out());
    assertFalse(Files.exists(progressOf(copy.exportDir(), table)));
  }

  @Test
  void aProgressDirectoryOfAnotherImportIsRefusedBeforeAnythingIsWritten() throws Exception {
    String table = "OtherTarget";
    PkSkTables.create(ddb.client(), table);
    Path backup = tmp.resolve("other");
    backup(backup);
    Path progress = tmp.resolve("shared-progress");
    ImportProgress.at(Backups.hadoop(progress), new Configuration())
        .start(new StartedImport("file:/elsewhere/backup", table, "2026-12-01T00:00:00Z"));

    ImportRun run =
        ImportRun.of(
            ddb, tmp, backup.toString(), table, "--progress-dir", progress.toString(), "--resume");

    assertEquals(1, run.exit(), run.out());
    assertTrue(run.err().contains("records the import of file:/elsewhere/backup"), run.err());
    assertTrue(run.err().contains("--progress-dir of its own"), run.err());
    assertEquals(0, ddb.client().scan(b -> b.tableName(table)).count());
    assertTrue(Files.exists(progress.resolve("_import.json")), "the other import's record is kept");
  }

  private KillableToolJvm startInChildJvm(Path backup, String table, String writeRatio)
      throws Exception {
    return KillableToolJvm.start(
        ImportTool.class,
        tmp,
        List.of(),
        List.of(
            backup.toString(),
            table,
            writeRatio,
            "--endpoint",
            ddb.endpoint().toString(),
            "--region",
            "us-east-1"));
  }

  /** A data file's lines as text, gunzipped when its name ends in {@code .gz}. */
  private static List<String> textLines(Path file) {
    List<String> lines = new ArrayList<>();
    for (byte[] line : Fixtures.lines(file)) {
      lines.add(new String(line, StandardCharsets.UTF_8));
    }
    return lines;
  }

  /** How many files the progress directory records as imported. */
  private static long recorded(Path progress) throws Exception {
    if (!Files.isDirectory(progress)) {
      return 0;
    }
    try (Stream<Path> files = Files.list(progress)) {
      return files
          .map(f -> f.getFileName().toString())
          .filter(n -> n.endsWith(".json") && !n.startsWith("_"))
          .count();
    }
  }
}
