package io.ddbio.export.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbio.backup.DataFileStats;
import io.ddbio.backup.ExportMetadata;
import io.ddbio.export.ExportTool;
import io.ddbio.testing.LocalJobs;
import io.ddbio.testkit.PkSkTables;
import io.ddbio.testkit.Tables;
import io.ddbio.testkit.junit.LocalDynamoDb;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.apache.hadoop.util.ToolRunner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@code verify} on real exports (LocalJobRunner, DynamoDB Local), one of each format made once and
 * copied for every test that damages it: a fresh export passes; a removed, a truncated and an
 * altered data file are each named; the table's count matches until an item is added.
 */
class ITVerify {
  private static final int ITEMS = 1_000;
  private static final String TABLE = "VerifySource";
  private static final String FILTERED = "VerifyFiltered";

  @RegisterExtension static final LocalDynamoDb ddb = LocalDynamoDb.started();

  @TempDir static Path exports;

  @TempDir Path tmp;

  @BeforeAll
  static void export() throws Exception {
    PkSkTables.create(ddb.client(), TABLE);
    List<Map<String, AttributeValue>> items = PkSkTables.generate(ITEMS, 41);
    for (int i = 0; i < items.size(); i++) {
      items.get(i).put("status", AttributeValue.fromS(i % 4 == 0 ? "active" : "idle"));
    }
    Tables.putAll(ddb.client(), TABLE, items);
    export("datapipeline", "--compression", "gzip");
    export("dynamodb-json", "--format", "dynamodb-json");
    export(
        FILTERED,
        "--filter",
        "#s = :v",
        "--names",
        "{\"#s\":\"status\"}",
        "--values",
        "{\":v\":{\"S\":\"active\"}}");
  }

  private static void export(String name, String... options) throws Exception {
    List<String> args =
        new ArrayList<>(
            List.of(
                exports.resolve(name).toString(),
                TABLE,
                "1.0",
                "3",
                "--endpoint",
                ddb.endpoint().toString()));
    args.addAll(Arrays.asList(options));
    PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
    int status =
        ToolRunner.run(
            LocalJobs.conf(exports.resolve("work-" + name), 3),
            new ExportTool(quiet, quiet),
            args.toArray(String[]::new));
    assertEquals(0, status, "export " + name);
  }

  private VerifyRun verify(Path dir, String... options) throws Exception {
    List<String> args = new ArrayList<>(List.of(dir.toString()));
    args.addAll(Arrays.asList(options));
    if (args.contains("--table")) {
      args.add("--endpoint");
      args.add(ddb.endpoint().toString());
    }
    return VerifyRun.run(LocalJobs.conf(tmp, 1), args);
  }

  /** A copy of a fresh export, to damage. */
  private Path copy(String name) throws IOException {
    Path from = exports.resolve(name);
    Path to = tmp.resolve(name);
    try (Stream<Path> all = Files.walk(from)) {
      for (Path p : all.toList()) {
        Files.copy(p, to.resolve(from.relativize(p).toString()));
      }
    }
    return to;
  }

  /** The first data file of an export, as its metadata names it. */
  private static String firstDataFile(Path dir) throws IOException {
    try (InputStream in = Files.newInputStream(dir.resolve(ExportMetadata.FILE_NAME))) {
      List<DataFileStats> files = ExportMetadata.read(in, "test").files();
      assertTrue(files.size() >= 2, "the export has several data files");
      return files.get(0).name();
    }
  }

  /** Hadoop's local checksum file beside {@code file}; dropped so a change reaches our checks. */
  private static void dropCrc(Path file) throws IOException {
    Files.deleteIfExists(file.resolveSibling("." + file.getFileName() + ".crc"));
  }

  /** A change to one data file, given its path. */
  private interface Damage {
    void to(Path file) throws IOException;
  }

  /** A damage that writes the file again with {@code change} made to its bytes. */
  private static Damage rewritten(UnaryOperator<byte[]> change) {
    return file -> Files.write(file, change.apply(Files.readAllBytes(file)));
  }

  /** What {@code verify} said of an export whose data file {@code name} was damaged. */
  private record Damaged(String name, VerifyRun run) {}

  /**
   * Verifies a copy of the export in {@code format} after {@code damage} to its first data file,
   * and checks that verify failed.
   */
  private Damaged verifyDamaged(String format, Damage damage) throws Exception {
    Path dir = copy(format);
    String name = firstDataFile(dir);
    Path file = dir.resolve(name);
    damage.to(file);
    dropCrc(file);

    VerifyRun run = verify(dir);
    assertEquals(1, run.status(), run::all);
    return new Damaged(name, run);
  }

  @ParameterizedTest
  @ValueSource(strings = {"datapipeline", "dynamodb-json"})
  void aFreshExportPassesAlsoAgainstItsTable(String format) throws Exception {
    VerifyRun run = verify(exports.resolve(format), "--table", TABLE, "--items");
    assertEquals(0, run.status(), run::all);
    assertTrue(run.stdout().contains("VERIFIED: no problems found."), run::all);
    assertTrue(run.stdout().contains("1,000 items (counted by a parallel Scan"), run::all);
    assertTrue(run.stdout().contains("items equal the backup's 1,000, one for one"), run::all);
    if (format.equals("dynamodb-json")) {
      assertTrue(run.stdout().contains("MD5"), run::all);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"datapipeline", "dynamodb-json"})
  void aRemovedDataFileIsNamed(String format) throws Exception {
    Damaged removed = verifyDamaged(format, Files::delete);
    VerifyRun run = removed.run();
    assertTrue(run.stdout().contains("PROBLEM " + removed.name() + ": missing"), run::all);
    assertTrue(run.stdout().contains("FAILED"), run::all);
  }

  @ParameterizedTest
  @ValueSource(strings = {"datapipeline", "dynamodb-json"})
  void aTruncatedDataFileIsNamed(String format) throws Exception {
    Damaged truncated =
        verifyDamaged(format, rewritten(bytes -> Arrays.copyOf(bytes, bytes.length / 2)));
    VerifyRun run = truncated.run();
    assertTrue(run.stdout().contains("PROBLEM " + truncated.name() + ": "), run::all);
    assertTrue(
        run.stdout().contains("cannot be read to its end"),
        "a cut-off gzip stream does not decompress: " + run.all());
  }

  @ParameterizedTest
  @ValueSource(strings = {"datapipeline", "dynamodb-json"})
  void anAlteredDataFileIsNamed(String format) throws Exception {
    Damaged altered =
        verifyDamaged(
            format,
            rewritten(
                bytes -> {
                  // Byte 4 is in the gzip header's modification time, which no reader checks: the
                  // file still decompresses to the same lines, so only the recorded checksums can
                  // tell it was changed.
                  bytes[4] ^= 0x01;
                  return bytes;
                }));
    VerifyRun run = altered.run();
    assertTrue(run.stdout().contains("PROBLEM " + altered.name() + ": "), run::all);
    assertTrue(run.stdout().contains("SHA-256"), run::all);
    if (format.equals("dynamodb-json")) {
      assertTrue(run.stdout().contains("where manifest-files.json has"), run::all);
    }
  }

  @Test
  void aNativeExportWithoutOurRecordsIsCheckedByItsManifests() throws Exception {
    Path dir = copy("dynamodb-json");
    Files.delete(dir.resolve(ExportMetadata.FILE_NAME));
    Files.delete(dir.resolve("_SUCCESS"));

    VerifyRun run = verify(dir);
    assertEquals(0, run.status(), run::all);
    assertTrue(run.stdout().contains("(MD5, line count)"), run::all);
    assertTrue(run.stdout().contains("a moved or copied export"), run::all);

    Path exportDir;
    try (Stream<Path> ids = Files.list(dir.resolve("AWSDynamoDB"))) {
      exportDir = ids.findFirst().orElseThrow();
    }
    run = verify(exportDir);
    assertEquals(0, run.status(), run::all);
    String name = firstDataFile(exports.resolve("dynamodb-json"));
    Files.delete(dir.resolve(name));
    run = verify(exportDir);
    assertEquals(1, run.status(), run::all);
    assertTrue(run.stdout().contains(name + ": missing"), run::all);
  }

  @Test
  void theCountFailsOnceAnItemIsAdded() throws Exception {
    Path dir = exports.resolve("datapipeline");
    assertEquals(0, verify(dir, "--table", TABLE).status());

    Map<String, AttributeValue> extra =
        Map.of("pk", AttributeValue.fromS("added"), "sk", AttributeValue.fromN("1"));
    ddb.client().putItem(b -> b.tableName(TABLE).item(extra));
    try {
      VerifyRun run = verify(dir, "--table", TABLE);
      assertEquals(1, run.status(), run::all);
      assertTrue(
          run.stdout()
              .contains(
                  "holds 1,001 items (counted by a parallel Scan, Select=COUNT), the backup 1,000"),
          run::all);
      assertTrue(run.stdout().contains("may have changed since the export ended"), run::all);

      run = verify(dir, "--table", TABLE, "--items");
      assertTrue(
          run.stdout().contains("items of the table not in the backup: 1, e.g. pk=\"added\", sk=1"),
          run::all);
    } finally {
      ddb.client().deleteItem(b -> b.tableName(TABLE).key(extra));
    }
  }

  @Test
  void aFilteredExportIsComparedWithTheItemsMeetingItsFilter() throws Exception {
    VerifyRun run = verify(exports.resolve(FILTERED), "--table", TABLE, "--items");
    assertEquals(0, run.status(), run::all);
    assertTrue(run.stdout().contains("a partial export of table \"" + TABLE + "\""), run::all);
    assertTrue(run.stdout().contains("holds 250 items meeting the export's filter"), run::all);
  }

  @Test
  void usageErrorsAndMissingDirectories() throws Exception {
    VerifyRun run = verify(tmp.resolve("nothing-here"));
    assertEquals(1, run.status(), run::all);
    assertTrue(run.stdout().contains("does not exist"), run::all);

    run = VerifyRun.run(LocalJobs.conf(tmp, 1), List.of(tmp.toString(), "--items"));
    assertEquals(2, run.status(), run::all);
    assertTrue(run.stderr().contains("give --table T"), run::all);

    run = verify(exports.resolve("datapipeline"), "--table", "NoSuchTable");
    assertEquals(1, run.status(), run::all);
    assertTrue(run.stdout().contains("\"NoSuchTable\" does not exist"), run::all);
  }
}
