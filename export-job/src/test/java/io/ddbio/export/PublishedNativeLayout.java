package io.ddbio.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ddbio.testkit.items.DynamoDbJsonLines;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A reader of a native "Export to S3" written only from its published description, sharing no code
 * with the export: plain Jackson for the two manifests, {@link MessageDigest} for the MD5s, {@link
 * GZIPInputStream} for the data and the test kit's own DynamoDB JSON parser for the items. Keys are
 * resolved as the export documents them for a local directory: relative to the file system's root.
 * Every check is an assertion.
 */
final class PublishedNativeLayout {
  private static final ObjectMapper JSON = new ObjectMapper();

  private PublishedNativeLayout() {}

  /** What the export holds. */
  record Contents(String exportId, JsonNode summary, List<Map<String, AttributeValue>> items) {}

  /**
   * Reads the single native export below {@code out} and checks it against its manifests.
   *
   * @return its summary and every item, in file order
   */
  static Contents read(Path out) throws Exception {
    Path root = out.resolve("AWSDynamoDB");
    List<Path> exports;
    try (Stream<Path> s = Files.list(root)) {
      exports = s.toList();
    }
    assertEquals(1, exports.size(), "one export below " + root + ": " + exports);
    Path dir = exports.get(0);
    String id = dir.getFileName().toString();
    assertTrue(Files.exists(dir.resolve("_started")), "_started");

    String prefix = out.toAbsolutePath().toString().substring(1);
    JsonNode summary = JSON.readTree(dir.resolve("manifest-summary.json").toFile());
    assertEquals("2020-06-30", summary.get("version").asText());
    assertEquals("DYNAMODB_JSON", summary.get("outputFormat").asText());
    assertEquals(prefix, summary.get("s3Prefix").asText());
    String filesKey = summary.get("manifestFilesS3Key").asText();
    assertEquals(prefix + "/AWSDynamoDB/" + id + "/manifest-files.json", filesKey);
    Path filesManifest = Path.of("/" + filesKey);
    assertEquals(dir.resolve("manifest-files.json"), filesManifest);

    List<Map<String, AttributeValue>> items = new ArrayList<>();
    Set<Path> listed = new TreeSet<>();
    long total = 0;
    for (String line : Files.readAllLines(filesManifest, StandardCharsets.UTF_8)) {
      JsonNode entry = JSON.readTree(line);
      Path file = Path.of("/" + entry.get("dataFileS3Key").asText());
      assertTrue(file.startsWith(dir.resolve("data")), file + " is in the export's data/");
      assertTrue(file.getFileName().toString().endsWith(".json.gz"), file.toString());
      listed.add(file);
      byte[] stored = Files.readAllBytes(file);
      byte[] md5 = MessageDigest.getInstance("MD5").digest(stored);
      assertEquals(
          Base64.getEncoder().encodeToString(md5), entry.get("md5Checksum").asText(), "MD5");
      assertEquals(HexFormat.of().formatHex(md5), entry.get("etag").asText(), "ETag");
      List<String> lines = gunzipLines(stored);
      assertEquals(entry.get("itemCount").asLong(), lines.size(), "itemCount of " + file);
      for (String l : lines) {
        JsonNode wrapper = JSON.readTree(l);
        assertEquals(List.of("Item"), fieldNames(wrapper), l);
        items.add(DynamoDbJsonLines.parse(wrapper.get("Item").toString()));
      }
      total += lines.size();
    }
    try (Stream<Path> s = Files.list(dir.resolve("data"))) {
      Set<Path> present = new TreeSet<>();
      s.filter(p -> !p.getFileName().toString().startsWith(".")).forEach(present::add);
      assertEquals(present, listed, "every data file is listed, and only those");
    }
    assertEquals(total, summary.get("itemCount").asLong(), "summary's itemCount");
    return new Contents(id, summary, items);
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static List<String> gunzipLines(byte[] stored) throws IOException {
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(stored))) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(text.isEmpty() || text.endsWith("\n"), "ends with a newline");
      return text.isEmpty()
          ? List.of()
          : List.of(text.substring(0, text.length() - 1).split("\n", -1));
    }
  }
}
