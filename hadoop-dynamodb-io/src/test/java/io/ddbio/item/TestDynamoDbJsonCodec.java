package io.ddbio.item;

import static io.ddbio.item.Items.b;
import static io.ddbio.item.Items.bool;
import static io.ddbio.item.Items.item;
import static io.ddbio.item.Items.l;
import static io.ddbio.item.Items.m;
import static io.ddbio.item.Items.n;
import static io.ddbio.item.Items.ns;
import static io.ddbio.item.Items.nul;
import static io.ddbio.item.Items.s;
import static io.ddbio.item.Items.ss;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class TestDynamoDbJsonCodec {
  private static final String LINE =
      "{\"Authors\":{\"SS\":[\"A1\",\"A2\"]},\"Id\":{\"N\":\"103\"},\"InPublication\":{\"BOOL\":false}}";

  private final DynamoDbJsonCodec codec = new DynamoDbJsonCodec();

  @Test
  void writesUpperCaseTags() {
    Map<String, AttributeValue> item =
        item("Authors", ss("A1", "A2"), "Id", n("103"), "InPublication", bool(false));
    assertEquals(LINE, new String(codec.encode(item), UTF_8));
    assertEquals(
        "{\"a\":{\"B\":\"AQ==\"},\"b\":{\"NS\":[\"1\"]},\"c\":{\"M\":{\"d\":{\"L\":[{\"NULL\":true}]}}}}",
        new String(codec.encode(item("a", b(1), "b", ns("1"), "c", m("d", l(nul())))), UTF_8));
  }

  @Test
  void readsAnySpellingOfTheTags() {
    assertEquals(
        item("a", s("x"), "b", bool(true), "c", ns("1")),
        codec.decode("{\"a\":{\"s\":\"x\"},\"b\":{\"bOOL\":true},\"c\":{\"Ns\":[\"1\"]}}"));
  }

  @Test
  void hasNoLegacyForm() {
    assertEquals(
        "the line does not start with a JSON object",
        assertThrows(ItemFormatException.class, () -> codec.decode("a\u0003{\"S\":\"x\"}"))
            .reason());
    assertEquals(
        "blank line (no item)",
        assertThrows(ItemFormatException.class, () -> codec.decode(" ")).reason());
  }

  @Test
  void sharesTheStrictRules() {
    assertEquals(
        "duplicate set member \"1\" in attribute \"a[1]\"",
        assertThrows(
                ItemFormatException.class, () -> codec.decode("{\"a\":{\"NS\":[\"1.0\",\"1\"]}}"))
            .reason());
  }

  @Test
  void readsAFullExportLine() {
    byte[] line = ("{\"Item\":" + LINE + "}\r").getBytes(UTF_8);
    ExportLine export = codec.decodeExportLine(line, 0, line.length);
    assertEquals(ExportLine.Kind.ITEM, export.kind());
    assertEquals(codec.decode(LINE), export.item());
    assertEquals(Map.of(), export.keys());
    assertEquals(Map.of(), export.oldImage());
    assertEquals(OptionalLong.empty(), export.writeTimestampMicros());
  }

  @Test
  void readsAnIncrementalPut() {
    ExportLine export =
        decodeExport(
            "{\"Metadata\":{\"WriteTimestampMicros\":{\"N\":\"1700000000123456\"}},"
                + "\"Keys\":{\"pk\":{\"S\":\"a\"}},"
                + "\"NewImage\":{\"pk\":{\"S\":\"a\"},\"v\":{\"N\":\"2\"}},"
                + "\"OldImage\":{\"pk\":{\"S\":\"a\"},\"v\":{\"N\":\"1\"}}}");
    Items.assertExportLine(
        new ExportLine(
            ExportLine.Kind.PUT,
            item("pk", s("a"), "v", n("2")),
            item("pk", s("a")),
            item("pk", s("a"), "v", n("1")),
            OptionalLong.of(1_700_000_000_123_456L)),
        export);
  }

  @Test
  void readsAnIncrementalDelete() {
    ExportLine export =
        decodeExport(
            "{\"Metadata\":{\"WriteTimestampMicros\":{\"N\":\"5\"}},\"Keys\":{\"pk\":{\"S\":\"a\"}},"
                + "\"OldImage\":{\"pk\":{\"S\":\"a\"}}}");
    assertEquals(ExportLine.Kind.DELETE, export.kind());
    assertEquals(Map.of(), export.item());
    assertEquals(item("pk", s("a")), export.keys());
    assertEquals(item("pk", s("a")), export.oldImage());
    ExportLine bare = decodeExport("{\"Keys\":{\"pk\":{\"S\":\"a\"}}}");
    assertEquals(ExportLine.Kind.DELETE, bare.kind());
    assertEquals(OptionalLong.empty(), bare.writeTimestampMicros());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"Item\":{\"a\":{\"X\":\"y\"}}}|unknown type tag \"X\" in attribute \"a\" of Item",
        "{\"Keys\":{\"pk\":{\"S\":\"a\"}},\"NewImage\":{\"m\":{\"M\":{\"k\":{\"N\":\"x\"}}}}}|invalid"
            + " number \"x\" (expected an optional sign, digits with an optional fraction, an"
            + " optional exponent) in attribute \"m.k\" of NewImage",
        "{\"Keys\":{}}|empty item (no attributes) in Keys",
        "{\"Item\":{\"a\":{\"S\":\"x\"}},\"Keys\":{\"a\":{\"S\":\"x\"}}}|an export line holds either"
            + " \"Item\" or a change (\"Keys\", \"NewImage\", \"OldImage\", \"Metadata\"), not both",
        "{\"NewImage\":{\"a\":{\"S\":\"x\"}}}|an export line needs \"Item\", or \"Keys\" for a change",
        "{\"Item\":{\"a\":{\"S\":\"x\"}},\"Item\":{\"a\":{\"S\":\"x\"}}}|duplicate field \"Item\" in an"
            + " export line",
        "{\"item\":{\"a\":{\"S\":\"x\"}}}|unknown field \"item\" in an export line (expected Item, or"
            + " Keys with NewImage, OldImage and Metadata)",
        "{\"Item\":[]}|\"Item\" must be an object, found an array",
        "{\"Item\":{\"a\":{\"S\":\"x\"}}} {}|unexpected data after the end of the export line: an"
            + " object",
        "[]|expected a JSON object, found an array",
        "{\"Keys\":{\"a\":{\"S\":\"x\"}},\"Metadata\":{\"WriteTimestampMicros\":{\"N\":\"1.5\"}}}"
            + "|Metadata.WriteTimestampMicros must be a whole number of microseconds, found"
            + " AttributeValue(N=1.5)",
        "{\"Keys\":{\"a\":{\"S\":\"x\"}},\"Metadata\":{\"WriteTimestampMicros\":{\"S\":\"1\"}}}"
            + "|Metadata.WriteTimestampMicros must be a whole number of microseconds, found"
            + " AttributeValue(S=1)"
      })
  void rejectsMalformedExportLines(String line, String reason) {
    assertEquals(
        reason, assertThrows(ItemFormatException.class, () -> decodeExport(line)).reason());
  }

  @Test
  void writesAFullExportLineThatReadsBack() throws IOException {
    Map<String, AttributeValue> item = item("pk", s("a"), "list", l(), "map", m());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    codec.encodeExportLine(item, out);
    assertEquals(
        "{\"Item\":{\"pk\":{\"S\":\"a\"},\"list\":{\"L\":[]},\"map\":{\"M\":{}}}}",
        out.toString(UTF_8));
    assertEquals(ExportLine.ofItem(item), decodeExport(out.toString(UTF_8)));
  }

  @Test
  void exportLineKindsAgreeWithTheirParts() {
    Map<String, AttributeValue> key = item("pk", s("a"));
    OptionalLong none = OptionalLong.empty();
    assertThrows(
        IllegalArgumentException.class,
        () -> new ExportLine(ExportLine.Kind.DELETE, key, key, Map.of(), none));
    assertThrows(
        IllegalArgumentException.class,
        () -> new ExportLine(ExportLine.Kind.PUT, Map.of(), key, Map.of(), none));
    assertThrows(
        IllegalArgumentException.class,
        () -> new ExportLine(ExportLine.Kind.ITEM, key, key, Map.of(), none));
    assertThrows(
        IllegalArgumentException.class,
        () -> new ExportLine(ExportLine.Kind.PUT, key, Map.of(), Map.of(), none));
    assertEquals(List.of("pk"), List.copyOf(ExportLine.ofItem(key).item().keySet()));
  }

  private ExportLine decodeExport(String line) {
    byte[] bytes = line.getBytes(UTF_8);
    return codec.decodeExportLine(bytes, 0, bytes.length);
  }
}
