package io.ddbio.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

class TestNativeExportManifest {
  private static final Path EXPORT =
      Path.of("..", "fixtures", "native-ddb-json", "AWSDynamoDB", "01700000000000-a1b2c3d4");

  @Test
  void readsTheFixturesManifests() throws IOException {
    try (InputStream in = Files.newInputStream(EXPORT.resolve("manifest-summary.json"))) {
      NativeExportManifest.Summary s = NativeExportManifest.parseSummary(in, "summary");
      assertEquals("DYNAMODB_JSON", s.outputFormat());
      assertEquals(40, s.itemCount());
      assertFalse(s.incremental());
    }
    try (InputStream in = Files.newInputStream(EXPORT.resolve("manifest-files.json"))) {
      List<NativeExportManifest.FileEntry> files = NativeExportManifest.parseFiles(in, "files");
      assertEquals(2, files.size());
      assertEquals(20, files.get(0).itemCount());
      assertEquals("ZC/N3dEeA16D2RvKOW3P+g==", files.get(0).md5Checksum());
      assertEquals("qqqqqqqqqqqqqqqqqqqqEXAMPLE0.json.gz", files.get(0).fileName());
    }
  }

  @Test
  void fileListRoundTrips() throws IOException {
    List<NativeExportManifest.FileEntry> entries =
        List.of(
            new NativeExportManifest.FileEntry("AWSDynamoDB/x/data/a.json.gz", 3, "bWQ1", "6d6435"),
            new NativeExportManifest.FileEntry(
                "AWSDynamoDB/x/data/b.json.gz", 0, "ZW1w", "656d70"));
    byte[] rendered = NativeExportManifest.renderFiles(entries);
    assertEquals(entries, NativeExportManifest.parseFiles(new ByteArrayInputStream(rendered), "x"));
  }

  @Test
  void rejectsBrokenManifestsNamingTheLine() {
    IOException e =
        assertThrows(
            IOException.class,
            () ->
                NativeExportManifest.parseFiles(
                    stream(
                        "{\"itemCount\":1,\"md5Checksum\":\"a\",\"dataFileS3Key\":\"k\"}\n{\"itemCount\":2}"),
                    "m"));
    assertTrue(e.getMessage().contains("m:2"), e.getMessage());
    assertThrows(
        IOException.class,
        () -> NativeExportManifest.parseSummary(stream("{\"version\":\"1999-01-01\"}"), "s"));
    assertThrows(IOException.class, () -> NativeExportManifest.parseSummary(stream("{nope"), "s"));
  }

  private static ByteArrayInputStream stream(String s) {
    return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
  }
}
