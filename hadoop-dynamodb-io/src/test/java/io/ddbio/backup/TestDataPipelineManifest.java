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
    assertRejected("{\"version\":3,\"entries\":[{\"mandatory\":true}]}", "entry 1 has no url");
    assertRejected("{\"version\":3}", "no \"entries\"");
    assertRejected("[]", "not a JSON object");
  }

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
