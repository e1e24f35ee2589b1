package io.ddbio.backup;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TestDataPipelineManifest {

  @Test
  void rendersTheFixtureManifestByteForByte() throws IOException {
    Path fixture = Path.of("..", "fixtures", "datapipeline-v3", "manifest");
    byte[] expected = Files.readAllBytes(fixture);
    byte[] rendered =
        DataPipelineManifest.render(
            List.of(
                "s3://original-bucket/backups/2024-01-01-00-00-00/ae10f955-fb2f-4790-9b11-fbfea01a871e_000000",
                "s3://original-bucket/backups/2024-01-01-00-00-00/5f1c0e3a-7d1b-4c1e-9a55-3b0c2f1d9e77.gz"));
    assertArrayEquals(expected, rendered, new String(rendered, StandardCharsets.UTF_8));
  }

  @Test
  void readsTheFixtureManifest() throws IOException {
    try (InputStream in =
        Files.newInputStream(Path.of("..", "fixtures", "datapipeline-v3", "manifest"))) {
      List<DataPipelineManifest.Entry> entries = DataPipelineManifest.parse(in, "fixture");
      assertEquals(2, entries.size());
      assertTrue(entries.get(1).url().endsWith("5f1c0e3a-7d1b-4c1e-9a55-3b0c2f1d9e77.gz"));
      assertTrue(entries.get(0).mandatory());
    }
  }

  @Test
  void emptyExportHasAnEmptyEntriesList() throws IOException {
    byte[] rendered = DataPipelineManifest.render(List.of());
    assertEquals(List.of(), DataPipelineManifest.parse(new ByteArrayInputStream(rendered), "x"));
  }

  @Test
  void rejectsOtherVersionsBrokenJsonAndMissingUrlsNamingTheFile() {
    assertRejected("{\"name\":\"DynamoDB-export\",\"version\":2,\"entries\":[]}", "version is 2");
    assertRejected(
        "{\"name\":\"DynamoDB-export\",\"version\":3,\"entries\":[{\"u", "not valid JSON");
    assertRejected(
        "{\"name\":\"DynamoDB-export\",\"version\":3,\"entries\":[{\"mandatory\":true}]}",
        "entries[0] has no \"url\"");
    assertRejected("{\"name\":\"DynamoDB-export\",\"version\":3}", "no \"entries\"");
    assertRejected("[]", "not a JSON object");
  }

  @Test
  void readsTheManifestThePredecessorWritesForAnEmptyTable() throws IOException {
    // The predecessor's writer ends an empty entries list with two line breaks.
    String empty = "{\"name\":\"DynamoDB-export\",\"version\":3,\n\"entries\": [\n\n]}";
    assertEquals(
        List.of(),
        DataPipelineManifest.parse(
            new ByteArrayInputStream(empty.getBytes(StandardCharsets.UTF_8)), "x"));
  }

  @Test
  void acceptsWhitespaceAndALineBreakAfterTheManifest() throws IOException {
    String manifest =
        " " + new String(DataPipelineManifest.render(List.of("s3://b/p/f")), UTF) + "\n\n";
    assertEquals(
        List.of(new DataPipelineManifest.Entry("s3://b/p/f", true)),
        DataPipelineManifest.parse(new ByteArrayInputStream(manifest.getBytes(UTF)), "x"));
  }

  @Test
  void rejectsANullEntryInsteadOfReadingAnEmptyList() {
    assertRejected(
        "{\"name\":\"DynamoDB-export\",\"version\":3,\"entries\":[null,"
            + "{\"url\":\"s3://b/p/f\",\"mandatory\":true}]}",
        "entries[0] is null");
  }

  @Test
  void rejectsEntriesThatAreNotObjects() {
    assertRejected(HEAD + "[\"s3://b/p/f\"]}", "entries[0] is not an object");
    assertRejected(HEAD + "[" + ENTRY + ",[]]}", "entries[1] is not an object");
  }

  @ParameterizedTest
  @ValueSource(strings = {"garbage", "{}", "]}"})
  void rejectsTrailingContent(String trailing) {
    assertRejected(HEAD + "[" + ENTRY + "]}" + trailing, "trailing content after the manifest");
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "[{\"mandatory\":true}]}                | entries[0] has no \"url\"",
        "[{\"url\":7,\"mandatory\":true}]}      | entries[0].url is not a string",
        "[{\"url\":null,\"mandatory\":true}]}   | entries[0].url is not a string",
        "[{\"url\":\" \",\"mandatory\":true}]} | entries[0].url is empty"
      })
  void rejectsAMissingOrWrongTypedUrl(String entries, String reason) {
    assertRejected(HEAD + entries, reason);
  }

  @Test
  void rejectsAMissingOrWrongTypedMandatory() {
    assertRejected(HEAD + "[{\"url\":\"s3://b/p/f\"}]}", "entries[0] has no \"mandatory\"");
    assertRejected(
        HEAD + "[{\"url\":\"s3://b/p/f\",\"mandatory\":\"true\"}]}",
        "entries[0].mandatory is not true or false");
  }

  @Test
  void rejectsFieldsDataPipelineDoesNotWrite() {
    assertRejected(
        HEAD + "[{\"url\":\"s3://b/p/f\",\"mandatory\":true,\"size\":3}]}",
        "entries[0] has an unknown field \"size\"");
    assertRejected(
        "{\"name\":\"DynamoDB-export\",\"version\":3,\"files\":[],\"entries\":[]}",
        "unknown field \"files\"");
  }

  @Test
  void rejectsFieldsGivenTwice() {
    // A second "entries" would otherwise replace the first.
    assertRejected(HEAD + "[" + ENTRY + "],\"entries\":[]}", "\"entries\" is given twice");
    assertRejected(
        HEAD + "[{\"url\":\"s3://b/p/f\",\"url\":\"s3://b/p/g\",\"mandatory\":true}]}",
        "entries[0].url is given twice");
  }

  @Test
  void rejectsAWrongOrMissingNameOrVersion() {
    assertRejected("{\"version\":3,\"entries\":[]}", "it has no \"name\"");
    assertRejected(
        "{\"name\":\"other\",\"version\":3,\"entries\":[]}",
        "\"name\" is \"other\", not \"DynamoDB-export\"");
    assertRejected("{\"name\":3,\"version\":3,\"entries\":[]}", "\"name\" is not a string");
    assertRejected("{\"name\":\"DynamoDB-export\",\"entries\":[]}", "it has no \"version\"");
    assertRejected(
        "{\"name\":\"DynamoDB-export\",\"version\":\"3\",\"entries\":[]}",
        "\"version\" is not a whole number");
    assertRejected(
        "{\"name\":\"DynamoDB-export\",\"version\":3.0,\"entries\":[]}",
        "\"version\" is not a whole number");
  }

  @Test
  void rejectsEntriesThatAreNotAList() {
    assertRejected(HEAD + "null}", "\"entries\" is not a list");
    assertRejected(HEAD + "{}}", "\"entries\" is not a list");
  }

  private static final java.nio.charset.Charset UTF = StandardCharsets.UTF_8;
  private static final String HEAD = "{\"name\":\"DynamoDB-export\",\"version\":3,\"entries\":";
  private static final String ENTRY = "{\"url\":\"s3://b/p/f\",\"mandatory\":true}";

  private static void assertRejected(String manifest, String reason) {
    IOException e =
        assertThrows(
            IOException.class,
            () ->
                DataPipelineManifest.parse(
                    new ByteArrayInputStream(manifest.getBytes(StandardCharsets.UTF_8)),
                    "s3://b/p/manifest"));
    assertTrue(e.getMessage().contains("s3://b/p/manifest"), e.getMessage());
    assertTrue(e.getMessage().contains(reason), e.getMessage());
  }
}
