package io.ddbio.importer.layout;

import static io.ddbio.importer.Messages.assertMentions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbio.backup.ExportMetadata;
import io.ddbio.importer.Backups;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Finding a backup's data files on the local file system. */
class TestBackupLayout {
  private static final Configuration CONF = new Configuration();

  @TempDir Path tmp;

  private static BackupLayout locate(Path dir) throws IOException {
    return BackupLayout.locate(Backups.hadoop(dir), CONF, false);
  }

  private static String failure(Path dir) {
    return assertThrows(IOException.class, () -> locate(dir)).getMessage();
  }

  private static List<String> names(BackupLayout layout) {
    return layout.paths().stream().map(org.apache.hadoop.fs.Path::getName).toList();
  }

  private static String manifest(String... urls) {
    StringBuilder sb =
        new StringBuilder("{\"name\":\"DynamoDB-export\",\"version\":3,\"entries\":[");
    for (int i = 0; i < urls.length; i++) {
      sb.append(i > 0 ? "," : "")
          .append("{\"url\":\"")
          .append(urls[i])
          .append("\",\"mandatory\":true}");
    }
    return sb.append("]}").toString();
  }

  /** A backup in {@code b} of one empty data file, {@code data-1}, under {@code manifest}. */
  private Path oneEmptyFileUnder(String manifest) throws IOException {
    Path dir = tmp.resolve("b");
    Backups.write(dir.resolve("data-1"), "");
    Backups.write(dir.resolve("manifest"), manifest);
    return dir;
  }

  /** A copy of the v3 fixture, in {@code name}, whose metadata names {@code dataFormat}. */
  private Path fixtureWithMetadataSaying(String name, String dataFormat) throws IOException {
    Path dir = Backups.copyFixture("datapipeline-v3", tmp.resolve(name));
    Backups.writeMetadata(dir, Backups.v3DataFiles(dir), 40, "pk", "S", "sk", "N");
    Path metadata = dir.resolve(ExportMetadata.FILE_NAME);
    Files.writeString(
        metadata, Files.readString(metadata).replace("\"datapipeline-v3\"", dataFormat));
    return dir;
  }

  @Test
  void manifestWithDeadAbsoluteUrlsIsReadFromBesideIt() throws IOException {
    Path dir = Backups.copyFixture("datapipeline-v3", tmp.resolve("copy"));

    BackupLayout layout = locate(dir);

    assertEquals(
        List.of(
            "ae10f955-fb2f-4790-9b11-fbfea01a871e_000000",
            "5f1c0e3a-7d1b-4c1e-9a55-3b0c2f1d9e77.gz"),
        names(layout));
    for (org.apache.hadoop.fs.Path p : layout.paths()) {
      assertEquals(layout.directory(), p.getParent());
    }
    assertEquals(layout.directory().suffix("/manifest"), layout.manifest().orElseThrow());
    assertTrue(layout.metadata().isEmpty());
  }

  /** A dead file: URL falls back like an unknown scheme; a relative URL is beside the manifest. */
  @ParameterizedTest
  @ValueSource(strings = {"file:/no/such/place/data-1", "data-1"})
  void entryIsFoundBesideTheManifest(String url) throws IOException {
    Path dir = oneEmptyFileUnder(manifest(url));

    assertEquals(List.of("data-1"), names(locate(dir)));
  }

  @Test
  void urlThatExistsIsReadWhereItPoints() throws IOException {
    Path elsewhere = Backups.write(tmp.resolve("elsewhere").resolve("data-1"), "{}\n");
    Path dir = tmp.resolve("b");
    Backups.write(dir.resolve("data-1"), "a copy that must not be read\n");
    Backups.write(dir.resolve("manifest"), manifest(elsewhere.toUri().toString()));

    BackupLayout layout = locate(dir);

    assertEquals(Backups.hadoop(elsewhere), layout.paths().get(0));
  }

  @Test
  void entryFoundNowhereNamesTheUrlAndBothPlaces() throws IOException {
    Path dir = oneEmptyFileUnder(manifest("s3://old/x/data-1", "s3://old/x/data-2"));

    String m = failure(dir);

    assertMentions(
        m,
        "entry 2 (s3://old/x/data-2)",
        "found neither at that URL",
        "beside the manifest as file:" + dir.resolve("data-2"),
        "Manifest file:" + dir.resolve("manifest"));
  }

  @Test
  void manifestOfAnotherVersionIsRefused() throws IOException {
    Path dir = oneEmptyFileUnder(manifest("data-1").replace("\"version\":3", "\"version\":2"));

    String m = failure(dir);

    assertTrue(m.contains(dir.resolve("manifest").toString()), m);
    assertTrue(m.contains("version is 2"), m);
  }

  @Test
  void manifestThatIsNotJsonIsRefused() throws IOException {
    Path dir = oneEmptyFileUnder("data-1\n");

    String m = failure(dir);

    assertTrue(m.contains("Manifest file:" + dir.resolve("manifest")), m);
  }

  @Test
  void entryThatIsNotMandatoryIsRefused() throws IOException {
    Path dir =
        oneEmptyFileUnder(manifest("data-1").replace("\"mandatory\":true", "\"mandatory\":false"));

    assertTrue(failure(dir).contains("not mandatory"));
  }

  @Test
  void fileListedTwiceIsRefused() throws IOException {
    Path dir = oneEmptyFileUnder(manifest("data-1", "s3://old/data-1"));

    assertTrue(failure(dir).contains("listed twice"));
  }

  @Test
  void malformedManifestIsRefusedNotReadAsAnEmptyExport() throws IOException {
    // Without ddbio-export.json nothing else would notice: an empty manifest restores 0 items.
    Path dir = tmp.resolve("b");
    Backups.writeItems(dir.resolve("data-1"), List.of(Map.of("pk", AttributeValue.fromS("a"))));
    Path manifest = dir.resolve("manifest");

    Backups.write(manifest, manifest("data-1").replace("\"entries\":[", "\"entries\":[null,"));
    String m = failure(dir);
    assertTrue(m.contains("Manifest file:" + manifest), m);
    assertTrue(m.contains("entries[0] is null"), m);

    Backups.write(manifest, manifest("data-1") + "]}");
    m = failure(dir);
    assertTrue(m.contains("Manifest file:" + manifest), m);
    assertTrue(m.contains("trailing content after the manifest"), m);
  }

  @Test
  void manifestWithoutEntriesIsAnEmptyExport() throws IOException {
    Path dir = tmp.resolve("b");
    Backups.write(dir.resolve("manifest"), manifest());

    BackupLayout layout = locate(dir);

    assertTrue(layout.dataFiles().isEmpty());
    assertTrue(layout.manifest().isPresent());
  }

  @Test
  void listingSkipsMarkersHiddenFilesDirectoriesAndMetadata() throws IOException {
    Path dir = tmp.resolve("b");
    Path b = Backups.write(dir.resolve("b-data"), "{}\n");
    Path a = Backups.write(dir.resolve("a-data"), "");
    Backups.write(dir.resolve("_SUCCESS"), "");
    Backups.write(dir.resolve(".a-data.crc"), "");
    Backups.write(dir.resolve("sub").resolve("c-data"), "");
    Backups.writeMetadata(dir, List.of(a, b), 1, "pk", "S");

    BackupLayout layout = locate(dir);

    assertEquals(List.of("a-data", "b-data"), names(layout));
    assertTrue(layout.manifest().isEmpty());
    assertEquals(1, layout.metadata().orElseThrow().itemCount());
  }

  @Test
  void dataFilesWithoutManifestOrMetadataAreRefusedAsPerhapsUnfinished() throws IOException {
    // Data Pipeline writes the manifest after the data files: without it, nothing says they are
    // all.
    Path dir = tmp.resolve("b");
    Backups.write(dir.resolve("part-0"), "{}\n");
    Backups.write(dir.resolve("_SUCCESS"), "");

    String m = failure(dir);

    assertTrue(m.startsWith("No manifest in file:" + dir + ", which holds 1 data file"), m);
    assertTrue(m.contains("an unfinished export?"), m);
    assertTrue(m.contains("--allow-no-manifest"), m);
  }

  @Test
  void dataFilesWithoutManifestAreListedWhenAllowedSayingTheyCannotBeChecked() throws IOException {
    Path dir = tmp.resolve("b");
    Path b = Backups.write(dir.resolve("part-1"), "{}\n");
    Path a = Backups.write(dir.resolve("part-0"), "{}\n");

    BackupLayout layout = BackupLayout.locate(Backups.hadoop(dir), CONF, true);

    assertEquals(List.of("part-0", "part-1"), names(layout));
    String warning = layout.uncheckedFiles().orElseThrow();
    assertTrue(warning.startsWith("Warning: no manifest in file:" + dir), warning);
    assertTrue(warning.contains("completeness cannot be checked"), warning);
    assertTrue(warning.endsWith("\n  file:" + a + "\n  file:" + b), warning);
  }

  @Test
  void filesCheckedAgainstAManifestOrMetadataAreNotUnchecked() throws IOException {
    Path withManifest = Backups.copyFixture("datapipeline-v3", tmp.resolve("v3"));
    assertEquals(Optional.empty(), locate(withManifest).uncheckedFiles());

    Path withMetadata = tmp.resolve("meta");
    Path data = Backups.write(withMetadata.resolve("part-0"), "{}\n");
    Backups.writeMetadata(withMetadata, List.of(data), 1, "pk", "S");
    assertEquals(Optional.empty(), locate(withMetadata).uncheckedFiles());
  }

  @Test
  void emptyDirectoryHasNoDataFiles() throws IOException {
    Files.createDirectories(tmp.resolve("empty"));
    assertTrue(failure(tmp.resolve("empty")).startsWith("No data files in "));

    Backups.write(tmp.resolve("markers").resolve("_SUCCESS"), "");
    assertTrue(failure(tmp.resolve("markers")).startsWith("No data files in "));
  }

  @Test
  void missingDirectoryAndPlainFileAreRefused() throws IOException {
    IOException missing =
        assertThrows(FileNotFoundException.class, () -> locate(tmp.resolve("nothing")));
    assertTrue(missing.getMessage().contains("does not exist"), missing.getMessage());

    Path file = Backups.write(tmp.resolve("file"), "{}\n");
    assertTrue(failure(file).contains("is a file"));
  }

  @Test
  void nativeExportIsRecognisedAndRefused() throws IOException {
    Path dir = tmp.resolve("b");
    Backups.write(dir.resolve("manifest-summary.json"), "{}");
    Backups.write(dir.resolve("data").resolve("x.json.gz"), "");

    assertTrue(failure(dir).contains("native DynamoDB export"));
  }

  @Test
  void metadataMustListExactlyTheFilesFound() throws IOException {
    Path dir = Backups.copyFixture("datapipeline-v3", tmp.resolve("copy"));
    List<Path> files = Backups.v3DataFiles(dir);
    Backups.writeMetadata(dir, files, 40, "pk", "S", "sk", "N");
    assertEquals(2, locate(dir).dataFiles().size());

    Backups.writeMetadata(dir, files.subList(0, 1), 40, "pk", "S", "sk", "N");
    String unlisted = failure(dir);
    assertTrue(
        unlisted.contains("files it does not list were found: file:" + files.get(1)), unlisted);

    Backups.write(dir.resolve("manifest"), manifest(files.get(0).getFileName().toString()));
    Backups.writeMetadata(dir, files, 40, "pk", "S", "sk", "N");
    String missing = failure(dir);
    assertTrue(
        missing.contains("files it lists are missing: " + files.get(1).getFileName()), missing);
    assertTrue(missing.contains(ExportMetadata.FILE_NAME), missing);
  }

  @Test
  void metadataSizesMustMatch() throws IOException {
    Path dir = Backups.copyFixture("datapipeline-v3", tmp.resolve("copy"));
    List<Path> files = Backups.v3DataFiles(dir);
    Backups.writeMetadata(dir, files, 40, "pk", "S", "sk", "N");
    Files.write(files.get(0), new byte[] {'\n'}, java.nio.file.StandardOpenOption.APPEND);

    String m = failure(dir);

    assertTrue(m.contains("differ in size"), m);
    assertTrue(m.contains(files.get(0).getFileName().toString()), m);
  }

  @Test
  void metadataOfAnotherDataFormatIsRefused() throws IOException {
    Path dir = fixtureWithMetadataSaying("copy", "\"dynamodb-json\"");

    assertTrue(failure(dir).contains("\"dynamodb-json\""));
  }

  @Test
  void aPlainJsonExportIsRefusedSayingItsTypesAreLost() throws IOException {
    Path dir = fixtureWithMetadataSaying("json", "\"json-lines\"");

    String m = failure(dir);

    assertTrue(m.contains("plain JSON (an export with --format json)"), m);
    assertTrue(m.contains("cannot be imported"), m);
  }
}
