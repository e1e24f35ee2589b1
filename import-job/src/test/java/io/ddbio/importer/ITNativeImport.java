package io.ddbio.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbio.metrics.DdbioCounter;
import io.ddbio.testkit.Fixtures;
import io.ddbio.testkit.PkSkTables;
import io.ddbio.testkit.Tables;
import io.ddbio.testkit.items.DynamoDbJsonLines;
import io.ddbio.testkit.junit.LocalDynamoDb;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Native DynamoDB exports imported end to end on the LocalJobRunner against DynamoDB Local: full
 * and incremental, and files that do not match their manifest.
 */
class ITNativeImport {
  @RegisterExtension static final LocalDynamoDb ddb = LocalDynamoDb.started();

  @Test
  void fixtureImportsFromItsExportDirectoryAndFromThePrefixAboveIt(@TempDir Path tmp)
      throws Exception {
    Map<String, Path> inputs =
        Map.of(
            "NativeByExportDir", NativeExports.fixtureExport(),
            "NativeByPrefix", NativeExports.fixturePrefix());
    for (Map.Entry<String, Path> input : inputs.entrySet()) {
      String table = input.getKey();
      PkSkTables.create(ddb.client(), table);

      ImportRun r = ImportRun.of(ddb, tmp.resolve(table), input.getValue().toString(), table);

      assertEquals(0, r.exit(), r.err());
      PkSkTables.assertHolds(ddb.client(), table, Fixtures.canonicalItems());
      assertEquals(40, r.counter(DdbioCounter.LINES_READ));
      assertEquals(40, r.counter(DdbioCounter.ITEMS_READ));
      assertEquals(40, r.counter(DdbioCounter.ITEMS_WRITTEN));
      assertEquals(0, r.counter(DdbioCounter.ITEMS_DELETED));
      assertTrue(r.out().contains("SUCCEEDED"), r.out());
    }
  }

  @Test
  void alteredDataFileFailsNamingItAndWritesNoneOfItsItems(@TempDir Path tmp) throws Exception {
    PkSkTables.create(ddb.client(), "NativeAltered");
    Path prefix = Backups.copyFixture("native-ddb-json", tmp.resolve("export"));
    Path altered = dataFile(prefix, 0);
    List<String> lines = textLines(altered);
    Set<Map<String, AttributeValue>> alteredKeys = keysOf(lines);
    // Same item count, one value changed: only the checksum can tell.
    lines.set(0, lines.get(0).replace("\"Ada\"", "\"Eve\""));
    NativeExports.gzip(altered, lines);

    ImportRun r = ImportRun.of(ddb, tmp, prefix.toString(), "NativeAltered");

    assertEquals(1, r.exit(), r.err());
    assertTrue(r.err().contains(altered.getFileName() + " has MD5 "), r.err());
    assertTrue(r.err().contains("none of its items were written"), r.err());
    assertNoneWritten("NativeAltered", alteredKeys);
  }

  @Test
  void fileHoldingMoreItemsThanItsManifestEntryFails(@TempDir Path tmp) throws Exception {
    PkSkTables.create(ddb.client(), "NativeMiscounted");
    Path prefix = Backups.copyFixture("native-ddb-json", tmp.resolve("export"));
    Path dir = NativeExports.exportDir(prefix, NativeExports.FIXTURE_ID);
    // Both manifests agree with each other, so only reading the file shows the difference.
    Path files = dir.resolve("manifest-files.json");
    String listed = Files.readString(files);
    Files.writeString(files, listed.replaceFirst("\"itemCount\":20", "\"itemCount\":19"));
    Path summary = dir.resolve("manifest-summary.json");
    Files.writeString(
        summary, Files.readString(summary).replace("\"itemCount\":40", "\"itemCount\":39"));

    ImportRun r = ImportRun.of(ddb, tmp, prefix.toString(), "NativeMiscounted");

    assertEquals(1, r.exit(), r.err());
    Path miscounted = dataFile(prefix, 0);
    assertTrue(
        r.err()
            .contains(
                miscounted.getFileName() + " holds 20 items, but manifest-files.json records 19"),
        r.err());
    assertNoneWritten("NativeMiscounted", keysOf(textLines(miscounted)));
  }

  @Test
  void incrementalExportAppliesPutsAndDeletesInTheOrderGiven(@TempDir Path tmp) throws Exception {
    String table = "NativeIncremental";
    PkSkTables.create(ddb.client(), table);
    Tables.putAll(
        ddb.client(),
        table,
        List.of(
            item("a", 1, "old"), item("b", 2, "old"), item("c", 3, "old"), item("h", 8, "old")));
    Path export =
        NativeExports.write(
            tmp.resolve("export"),
            "01700000000001-incr",
            true,
            List.of(
                List.of(
                    put("a", 1, "new", "old"),
                    delete("b", 2),
                    put("d", 4, "short-lived", null),
                    delete("d", 4),
                    delete("c", 3),
                    put("c", 3, "again", null),
                    put("e", 5, "new", null)),
                List.of(put("f", 6, "new", null), delete("g", 7))));

    ImportRun r = ImportRun.of(ddb, tmp, export.toString(), table);

    assertEquals(0, r.exit(), r.err());
    PkSkTables.assertHolds(
        ddb.client(),
        table,
        List.of(
            item("a", 1, "new"),
            item("c", 3, "again"),
            item("e", 5, "new"),
            item("f", 6, "new"),
            item("h", 8, "old")));
    assertEquals(9, r.counter(DdbioCounter.ITEMS_READ));
    assertEquals(5, r.counter(DdbioCounter.ITEMS_WRITTEN));
    assertEquals(4, r.counter(DdbioCounter.ITEMS_DELETED));
    assertTrue(r.out().matches("(?s).*items deleted:\\s+4\\R.*"), r.out());
  }

  @Test
  void ionExportImportsExactly(@TempDir Path tmp) throws Exception {
    List<Map<String, AttributeValue>> items = Fixtures.canonicalItems();
    List<List<String>> files = List.of(new ArrayList<>(), new ArrayList<>());
    for (int i = 0; i < items.size(); i++) {
      List<String> file = files.get(i % 2);
      // DynamoDB leads each file with the Ion version marker, on the first item's line.
      file.add((file.isEmpty() ? "$ion_1_0 " : "") + IonLines.itemLine(items.get(i)));
    }
    Path prefix = tmp.resolve("export");
    NativeExports.write(prefix, "01700000000001-ionion00", false, files, "ION");
    PkSkTables.create(ddb.client(), "NativeIon");

    ImportRun r = ImportRun.of(ddb, tmp, prefix.toString(), "NativeIon");

    assertEquals(0, r.exit(), r.err());
    PkSkTables.assertHolds(ddb.client(), "NativeIon", Fixtures.canonicalItems());
    assertEquals(40, r.counter(DdbioCounter.ITEMS_WRITTEN));
  }

  @Test
  void ionLineThatIsNoDynamoDbValueFailsNamingFileLineAndReason(@TempDir Path tmp)
      throws Exception {
    List<String> lines =
        List.of(
            "$ion_1_0 {Item:{pk:\"a\",sk:1.}}",
            "{Item:{pk:\"a\",sk:2.,price:9.99e0}}",
            "{Item:{pk:\"a\",sk:3.}}");
    Path prefix = tmp.resolve("export");
    NativeExports.write(prefix, "01700000000002-ionbad00", false, List.of(lines), "ION");
    PkSkTables.create(ddb.client(), "NativeIonBad");

    ImportRun r = ImportRun.of(ddb, tmp, prefix.toString(), "NativeIonBad");

    assertEquals(1, r.exit());
    assertTrue(r.err().contains("data-0.ion.gz:2: an Ion float (9.99)"), r.err());
    assertTrue(r.err().contains("in attribute \"price\" of Item"), r.err());
  }

  @Test
  void dataFilesCopiedOutOfAnExportWithoutItsManifestsImportExactly(@TempDir Path tmp)
      throws Exception {
    Path copied = Files.createDirectories(tmp.resolve("only-the-data"));
    Path data = NativeExports.fixtureExport().resolve("data");
    try (var files = Files.list(data)) {
      for (Path f : files.toList()) {
        Files.copy(f, copied.resolve(f.getFileName()));
      }
    }
    PkSkTables.create(ddb.client(), "NativeHeadless");

    ImportRun refused = ImportRun.of(ddb, tmp.resolve("1"), copied.toString(), "NativeHeadless");
    assertEquals(1, refused.exit(), refused.err());
    assertTrue(refused.err().contains("--allow-no-manifest"), refused.err());

    ImportRun r =
        ImportRun.of(
            ddb, tmp.resolve("2"), copied.toString(), "NativeHeadless", "--allow-no-manifest");

    assertEquals(0, r.exit(), r.err());
    assertTrue(r.err().contains("completeness cannot be checked"), r.err());
    PkSkTables.assertHolds(ddb.client(), "NativeHeadless", Fixtures.canonicalItems());
  }

  private static Path dataFile(Path prefix, int index) {
    return NativeExports.exportDir(prefix, NativeExports.FIXTURE_ID)
        .resolve("data")
        .resolve(NativeExports.FIXTURE_FILES.get(index));
  }

  private static List<String> textLines(Path file) {
    List<String> lines = new ArrayList<>();
    for (byte[] line : Fixtures.lines(file)) {
      lines.add(new String(line, StandardCharsets.UTF_8));
    }
    return lines;
  }

  /** The keys ({@code pk}, {@code sk}) of full-export lines. */
  private static Set<Map<String, AttributeValue>> keysOf(List<String> lines) {
    Set<Map<String, AttributeValue>> keys = new HashSet<>();
    for (String line : lines) {
      Map<String, AttributeValue> item =
          DynamoDbJsonLines.parse(line.substring("{\"Item\":".length(), line.length() - 1));
      keys.add(Map.of("pk", item.get("pk"), "sk", item.get("sk")));
    }
    return keys;
  }

  private static void assertNoneWritten(String table, Set<Map<String, AttributeValue>> keys) {
    for (Map<String, AttributeValue> item : Tables.scanAll(ddb.client(), table)) {
      Map<String, AttributeValue> key = Map.of("pk", item.get("pk"), "sk", item.get("sk"));
      assertTrue(!keys.contains(key), "written from the failed file: " + item);
    }
  }

  private static Map<String, AttributeValue> item(String pk, int sk, String v) {
    return Map.of(
        "pk", AttributeValue.fromS(pk),
        "sk", AttributeValue.fromN(Integer.toString(sk)),
        "v", AttributeValue.fromS(v));
  }

  private static String keys(String pk, int sk) {
    return "{\"pk\":{\"S\":\"" + pk + "\"},\"sk\":{\"N\":\"" + sk + "\"}}";
  }

  private static String image(String pk, int sk, String v) {
    return "{\"pk\":{\"S\":\""
        + pk
        + "\"},\"sk\":{\"N\":\""
        + sk
        + "\"},\"v\":{\"S\":\""
        + v
        + "\"}}";
  }

  /** A change that left an item, with its old image when there was one. */
  private static String put(String pk, int sk, String v, String oldV) {
    return "{\"Metadata\":{\"WriteTimestampMicros\":{\"N\":\"1700000000000000\"}},\"Keys\":"
        + keys(pk, sk)
        + ",\"NewImage\":"
        + image(pk, sk, v)
        + (oldV == null ? "" : ",\"OldImage\":" + image(pk, sk, oldV))
        + "}";
  }

  /** A change that removed an item. */
  private static String delete(String pk, int sk) {
    return "{\"Metadata\":{\"WriteTimestampMicros\":{\"N\":\"1700000000000001\"}},\"Keys\":"
        + keys(pk, sk)
        + "}";
  }
}
