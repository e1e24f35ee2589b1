package io.ddbio.item;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbio.testkit.items.RandomItems;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** Round trips of generated items through both codecs, a few thousand items per run. */
class TestCodecProperties {
  private static final int ITEMS = 1000;

  private final DataPipelineCodec dataPipeline = new DataPipelineCodec();
  private final DynamoDbJsonCodec dynamoDbJson = new DynamoDbJsonCodec();

  static Stream<Arguments> generators() {
    return Stream.of(
        Arguments.of(RandomItems.builder().seed(1).build()),
        Arguments.of(
            RandomItems.builder()
                .seed(2)
                .hashKey("pk", ScalarAttributeType.S)
                .rangeKey("sk", ScalarAttributeType.N)
                .maxDepth(4)
                .largeItemEvery(500)
                .build()),
        Arguments.of(
            RandomItems.builder()
                .seed(3)
                .hashKey("id", ScalarAttributeType.B)
                .rangeKey("at", ScalarAttributeType.S)
                .maxAttributes(16)
                .build()));
  }

  @ParameterizedTest
  @MethodSource("generators")
  void generatedItemsAreValidDynamoDbItems(RandomItems generator) {
    for (Map<String, AttributeValue> item : generator.items(ITEMS)) {
      item.values().forEach(TestCodecProperties::validateNumbers);
      assertTrue(ItemSize.of(item) <= ItemSize.MAX_ITEM_BYTES, "too large: " + item.keySet());
    }
  }

  @ParameterizedTest
  @MethodSource("generators")
  void dataPipelineRoundTripsOneItemPerLine(RandomItems generator) throws IOException {
    for (Map<String, AttributeValue> item : generator.items(ITEMS)) {
      byte[] line = dataPipeline.encode(item);
      assertBothCodecsRead(item, line);
      assertArrayEquals(line, written(out -> dataPipeline.encode(item, out)));
      byte[] crlf = ("\uFEFF" + new String(line, UTF_8) + "\r").getBytes(UTF_8);
      assertDecodesTo(item, dataPipeline.decode(crlf, 0, crlf.length));
    }
  }

  @ParameterizedTest
  @MethodSource("generators")
  void dynamoDbJsonRoundTripsOneItemPerLine(RandomItems generator) throws IOException {
    for (Map<String, AttributeValue> item : generator.items(ITEMS)) {
      assertBothCodecsRead(item, dynamoDbJson.encode(item));
      byte[] export = written(out -> dynamoDbJson.encodeExportLine(item, out));
      assertOneLine(export);
      assertEquals(
          ExportLine.ofItem(item), dynamoDbJson.decodeExportLine(export, 0, export.length));
    }
  }

  @ParameterizedTest
  @MethodSource("generators")
  void legacyLinesRoundTrip(RandomItems generator) {
    int checked = 0;
    for (Map<String, AttributeValue> item : generator.items(ITEMS)) {
      byte[] line = LegacyLines.of(dataPipeline, item);
      if (line != null) {
        assertDecodesTo(item, dataPipeline.decode(line, 0, line.length));
        checked++;
      }
    }
    assertTrue(checked > ITEMS / 2, "only " + checked + " items had legacy-safe names");
  }

  @ParameterizedTest
  @MethodSource("generators")
  void oneCodecServesManyThreads(RandomItems generator) {
    List<Map<String, AttributeValue>> items = generator.items(ITEMS);
    List<byte[]> lines = items.stream().map(dataPipeline::encode).toList();
    List<Map<String, AttributeValue>> decoded =
        lines.parallelStream().map(line -> dataPipeline.decode(line, 0, line.length)).toList();
    assertEquals(items, decoded);
    assertEquals(
        lines.stream().map(l -> new String(l, UTF_8)).toList(),
        decoded.parallelStream()
            .map(i -> new String(dynamoDbJson.encode(i), UTF_8))
            .map(s -> new String(dataPipeline.encode(dataPipeline.decode(s)), UTF_8))
            .toList());
  }

  /** Something that writes into a stream, as the codecs' stream encoders do. */
  private interface StreamWrite {
    void to(ByteArrayOutputStream out) throws IOException;
  }

  private static byte[] written(StreamWrite write) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    write.to(out);
    return out.toByteArray();
  }

  /** Either codec's line is one line that both codecs read back as the item. */
  private void assertBothCodecsRead(Map<String, AttributeValue> item, byte[] line) {
    assertOneLine(line);
    assertDecodesTo(item, dataPipeline.decode(line, 0, line.length));
    assertDecodesTo(item, dynamoDbJson.decode(line, 0, line.length));
  }

  private static void assertDecodesTo(
      Map<String, AttributeValue> expected, Map<String, AttributeValue> actual) {
    assertEquals(expected, actual);
    assertEquals(List.copyOf(expected.keySet()), List.copyOf(actual.keySet()), "attribute order");
  }

  /** Neither byte a line reader splits on may appear raw in an encoded item. */
  private static void assertOneLine(byte[] line) {
    for (byte b : line) {
      assertTrue(b != '\n' && b != '\r', () -> "line break in " + new String(line, UTF_8));
    }
  }

  private static void validateNumbers(AttributeValue value) {
    switch (value.type()) {
      case N -> DynamoDbNumbers.validate(value.n());
      case NS -> value.ns().forEach(DynamoDbNumbers::validate);
      case M -> value.m().values().forEach(TestCodecProperties::validateNumbers);
      case L -> value.l().forEach(TestCodecProperties::validateNumbers);
      default -> {}
    }
  }
}
