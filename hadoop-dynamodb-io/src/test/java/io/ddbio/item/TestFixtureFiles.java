package io.ddbio.item;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbio.testkit.Fixtures;
import io.ddbio.testkit.items.ItemEquivalence;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Every fixture layout decodes to the canonical items, and re-encodes to the same bytes. */
class TestFixtureFiles {
  private static final List<String> KEY = List.of("pk", "sk");

  private final DataPipelineCodec dataPipeline = new DataPipelineCodec();
  private final DynamoDbJsonCodec dynamoDbJson = new DynamoDbJsonCodec();

  @Test
  void dataPipelineV3FilesHoldTheCanonicalItems() throws IOException {
    List<Path> files = dataFiles(Fixtures.root().resolve("datapipeline-v3"));
    assertEquals(2, files.size(), "one plain and one gzip data file: " + files);
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    for (Path file : files) {
      for (byte[] line : Fixtures.lines(file)) {
        if (!DataPipelineCodec.isBlank(line, 0, line.length)) {
          Map<String, AttributeValue> item = dataPipeline.decode(line, 0, line.length);
          items.add(item);
          assertArrayEquals(line, dataPipeline.encode(item), "re-encoding " + item);
        }
      }
    }
    ItemEquivalence.assertSameItems(Fixtures.canonicalItems(), items, KEY);
    assertRoundTrips(items);
  }

  @Test
  void legacyFileHoldsTheCanonicalItems() {
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    for (byte[] line : Fixtures.lines(Fixtures.root().resolve("datapipeline-legacy/000000"))) {
      if (!DataPipelineCodec.isBlank(line, 0, line.length)) {
        items.add(dataPipeline.decode(line, 0, line.length));
      }
    }
    ItemEquivalence.assertSameItems(Fixtures.canonicalItems(), items, KEY);
    assertEquals(Fixtures.canonicalItems(), items, "same attributes in the same order");
    assertRoundTrips(items);
  }

  @Test
  void nativeExportHoldsTheCanonicalItems() throws IOException {
    Path export = Fixtures.root().resolve("native-ddb-json/AWSDynamoDB/01700000000000-a1b2c3d4");
    List<Path> files = dataFiles(export.resolve("data"));
    assertEquals(2, files.size());
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    for (Path file : files) {
      for (byte[] line : Fixtures.lines(file)) {
        ExportLine decoded = dynamoDbJson.decodeExportLine(line, 0, line.length);
        assertEquals(ExportLine.Kind.ITEM, decoded.kind());
        items.add(decoded.item());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        dynamoDbJson.encodeExportLine(decoded.item(), out);
        assertArrayEquals(line, out.toByteArray(), "re-encoding " + decoded.item());
      }
    }
    ItemEquivalence.assertSameItems(Fixtures.canonicalItems(), items, KEY);
    assertRoundTrips(items);
  }

  @Test
  void canonicalFileIsDynamoDbJson() {
    Path canonical = Fixtures.root().resolve("items.jsonl");
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    for (byte[] line : Fixtures.lines(canonical)) {
      items.add(dynamoDbJson.decode(line, 0, line.length));
      assertArrayEquals(line, dynamoDbJson.encode(items.get(items.size() - 1)));
    }
    assertEquals(Fixtures.canonicalItems(), items);
  }

  private void assertRoundTrips(List<Map<String, AttributeValue>> items) {
    assertEquals(40, items.size());
    for (Map<String, AttributeValue> item : items) {
      byte[] line = dataPipeline.encode(item);
      assertEquals(item, dataPipeline.decode(line, 0, line.length));
      line = dynamoDbJson.encode(item);
      assertEquals(item, dynamoDbJson.decode(line, 0, line.length));
    }
  }

  /** The data files of an export folder: not hidden, not the manifest or a marker. */
  private static List<Path> dataFiles(Path folder) throws IOException {
    try (Stream<Path> listing = Files.list(folder)) {
      List<Path> files =
          listing
              .filter(Files::isRegularFile)
              .filter(p -> !p.getFileName().toString().startsWith("_"))
              .filter(p -> !p.getFileName().toString().startsWith("."))
              .filter(p -> !p.getFileName().toString().equals("manifest"))
              .sorted()
              .toList();
      assertTrue(!files.isEmpty(), "no data files in " + folder);
      return files;
    }
  }
}
