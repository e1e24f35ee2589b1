package io.ddbio.importer.layout;

import static io.ddbio.importer.Messages.assertMentions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbio.importer.Backups;
import io.ddbio.importer.NativeExports;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Finding a native export and reading its manifests on the local file system. */
class TestNativeExportLayout {
  private static final Configuration CONF = new Configuration();
  private static final List<String> ITEM = List.of("{\"Item\":{\"pk\":{\"S\":\"a\"}}}");

  @TempDir Path tmp;

  private static NativeExportLayout locate(Path dir) throws IOException {
    return NativeExportLayout.locate(Backups.hadoop(dir), CONF);
  }

  private static String failure(Path dir) {
    return assertThrows(IOException.class, () -> locate(dir)).getMessage();
  }

  private static List<String> names(NativeExportLayout layout) {
    return layout.statuses().stream().map(s -> s.getPath().getName()).toList();
  }

  @Test
  void theFixtureIsFoundFromItsDirectoryItsPrefixAndItsExportsFolder() throws IOException {
    for (Path input :
        List.of(
            NativeExports.fixtureExport(),
            NativeExports.fixturePrefix(),
            NativeExports.fixturePrefix().resolve("AWSDynamoDB"))) {
      NativeExportLayout layout = locate(input);
      assertEquals(NativeExports.FIXTURE_ID, layout.directory().getName(), input.toString());
      assertEquals(NativeExports.FIXTURE_FILES, names(layout));
      assertEquals(40, layout.summary().itemCount());
      assertFalse(layout.summary().incremental());
      assertEquals(
          List.of(20L, 20L), layout.files().stream().map(f -> f.entry().itemCount()).toList());
      assertTrue(layout.metadata().isEmpty());
    }
  }

  @Test
  void isRecognisedByItsSummaryOrItsExportsFolder() throws IOException {
    assertTrue(
        NativeExportLayout.isNativeExport(Backups.hadoop(NativeExports.fixtureExport()), CONF));
    assertTrue(
        NativeExportLayout.isNativeExport(Backups.hadoop(NativeExports.fixturePrefix()), CONF));
    Path dataPipeline = io.ddbio.testkit.Fixtures.root().resolve("datapipeline-v3");
    assertFalse(NativeExportLayout.isNativeExport(Backups.hadoop(dataPipeline), CONF));
    assertFalse(NativeExportLayout.isNativeExport(Backups.hadoop(tmp.resolve("none")), CONF));
  }

  @Test
  void aPrefixWithSeveralExportsListsThem() throws IOException {
    NativeExports.write(tmp, "export-1", false, List.of(ITEM));
    NativeExports.write(tmp, "export-2", false, List.of(ITEM));

    String m = failure(tmp);

    assertTrue(m.contains("holds 2 exports"), m);
    assertTrue(m.contains("export-1") && m.contains("export-2"), m);
  }

  @Test
  void anExportWithoutASummaryIsUnfinished() throws IOException {
    Files.createDirectories(NativeExports.exportDir(tmp, "running"));

    String m = failure(tmp);

    assertTrue(m.contains("No finished native export"), m);
    assertTrue(m.contains("running"), m);
  }

  @Test
  void aDirectoryThatIsNoExportIsNamed() {
    String m = failure(io.ddbio.testkit.Fixtures.root().resolve("datapipeline-v3"));
    assertTrue(m.contains("is not a native DynamoDB export"), m);
  }

  /**
   * Summaries the import refuses before reading any data: another output format (named with those
   * read), and counts that do not add up.
   */
  static Stream<Arguments> refusedSummaries() {
    return Stream.of(
        Arguments.of(
            "csv",
            1,
            "DYNAMODB_JSON",
            "CSV",
            new String[] {
              "names output format \"CSV\"", "this import reads DYNAMODB_JSON and ION"
            }),
        Arguments.of(
            "sum",
            2,
            "\"itemCount\":2",
            "\"itemCount\":3",
            new String[] {"records 3 items", "add up to 2"}));
  }

  /**
   * An export of {@code files} one-item files is refused, saying why, once {@code from} is replaced
   * by {@code to} in its {@code manifest-summary.json}.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("refusedSummaries")
  void aSummaryThatCannotBeTrustedIsRefusedSayingWhy(
      String name, int files, String from, String to, String[] mentions) throws IOException {
    Path dir = NativeExports.write(tmp, name, false, Collections.nCopies(files, ITEM));
    Path summary = dir.resolve("manifest-summary.json");
    Files.writeString(summary, Files.readString(summary).replace(from, to));

    assertMentions(failure(dir), mentions);
  }

  @Test
  void aMissingDataFileIsNamedWithItsEntry() throws IOException {
    Path dir = NativeExports.write(tmp, "gone", false, List.of(ITEM, ITEM));
    Files.delete(dir.resolve("data").resolve("data-1.json.gz"));

    assertMentions(failure(dir), "manifest-files.json, entry 2", "data-1.json.gz does not exist");
  }

  @Test
  void keysResolveBelowTheExportIdWhateverTheBucketPrefix() throws IOException {
    org.apache.hadoop.fs.Path dir = new org.apache.hadoop.fs.Path("file:/copy/AWSDynamoDB/id-1");
    assertEquals(
        new org.apache.hadoop.fs.Path(dir, "data/f.json.gz"),
        NativeExportLayout.inExport(dir, "backups/2024/AWSDynamoDB/id-0/data/f.json.gz", "e"));
    assertEquals(
        new org.apache.hadoop.fs.Path(dir, "manifest-files.json"),
        NativeExportLayout.inExport(dir, "AWSDynamoDB/id-1/manifest-files.json", "e"));
    for (String bad :
        List.of("data/f.json.gz", "AWSDynamoDB/id/../../etc/passwd", "AWSDynamoDB/id//f")) {
      IOException e =
          assertThrows(IOException.class, () -> NativeExportLayout.inExport(dir, bad, "entry 3"));
      assertTrue(e.getMessage().startsWith("entry 3: "), e.getMessage());
    }
  }
}
