package io.ddbio.item;

import static io.ddbio.item.Items.b;
import static io.ddbio.item.Items.bool;
import static io.ddbio.item.Items.bytes;
import static io.ddbio.item.Items.item;
import static io.ddbio.item.Items.l;
import static io.ddbio.item.Items.m;
import static io.ddbio.item.Items.n;
import static io.ddbio.item.Items.ns;
import static io.ddbio.item.Items.nul;
import static io.ddbio.item.Items.s;
import static io.ddbio.item.Items.ss;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class TestDataPipelineCodec {
  /** The example line of FORMATS.md, section 1. */
  private static final String EXAMPLE =
      "{\"Id\":{\"n\":\"1\"},\"name\":{\"s\":\"x\"},\"tags\":{\"sS\":[\"a\",\"b\"]},"
          + "\"doc\":{\"m\":{\"ok\":{\"bOOL\":true},\"z\":{\"nULL\":true}}}}";

  private static final Map<String, AttributeValue> EXAMPLE_ITEM =
      item(
          "Id",
          n("1"),
          "name",
          s("x"),
          "tags",
          ss("a", "b"),
          "doc",
          m("ok", bool(true), "z", nul()));

  private final DataPipelineCodec codec = new DataPipelineCodec();

  @Test
  void encodesTheFormatsExampleByteForByte() {
    assertArrayEquals(EXAMPLE.getBytes(UTF_8), codec.encode(EXAMPLE_ITEM));
  }

  @Test
  void decodesTheFormatsExample() {
    assertEquals(EXAMPLE_ITEM, codec.decode(EXAMPLE));
    assertEquals(List.of("Id", "name", "tags", "doc"), List.copyOf(codec.decode(EXAMPLE).keySet()));
  }

  @Test
  void writesEveryTagInItsDataPipelineSpelling() {
    Map<String, AttributeValue> item =
        item(
            "a",
            b(0, 1, 2),
            "b",
            AttributeValue.fromBs(List.of(bytes(0), bytes(2, 3))),
            "c",
            ns("1", "2.5"),
            "d",
            l(s("x"), n("1")),
            "e",
            m(),
            "f",
            l(),
            "g",
            bool(false));
    assertEquals(
        "{\"a\":{\"b\":\"AAEC\"},\"b\":{\"bS\":[\"AA==\",\"AgM=\"]},\"c\":{\"nS\":[\"1\",\"2.5\"]},"
            + "\"d\":{\"l\":[{\"s\":\"x\"},{\"n\":\"1\"}]},\"e\":{\"m\":{}},\"f\":{\"l\":[]},"
            + "\"g\":{\"bOOL\":false}}",
        new String(codec.encode(item), UTF_8));
    assertEquals(item, codec.decode(codec.encode(item), 0, codec.encode(item).length));
  }

  @Test
  void matchesTagsWithoutRegardToCase() {
    Map<String, AttributeValue> item =
        codec.decode(
            "{\"a\":{\"S\":\"x\"},\"b\":{\"Ss\":[\"y\"]},\"c\":{\"BOOL\":true},\"d\":{\"Null\":true},"
                + "\"e\":{\"NS\":[\"1\"]},\"f\":{\"M\":{}},\"g\":{\"L\":[]},\"h\":{\"B\":\"AA==\"},"
                + "\"i\":{\"bs\":[\"AA==\"]},\"j\":{\"N\":\"1\"},\"k\":{\"SS\":[\"z\"]}}");
    assertEquals(
        item(
            "a",
            s("x"),
            "b",
            ss("y"),
            "c",
            bool(true),
            "d",
            nul(),
            "e",
            ns("1"),
            "f",
            m(),
            "g",
            l(),
            "h",
            b(0),
            "i",
            AttributeValue.fromBs(List.of(bytes(0))),
            "j",
            n("1"),
            "k",
            ss("z")),
        item);
  }

  @Test
  void ignoresByteOrderMarkAndCarriageReturn() {
    byte[] line = ("\uFEFF" + EXAMPLE + "\r").getBytes(UTF_8);
    assertEquals(EXAMPLE_ITEM, codec.decode(line, 0, line.length));
    byte[] legacy = "\uFEFFa\u0003{\"s\":\"x\"}\r".getBytes(UTF_8);
    assertEquals(item("a", s("x")), codec.decode(legacy, 0, legacy.length));
    assertEquals(item("a", s("x")), codec.decode("  {\"a\":{\"s\":\"x\"}}\t "));
  }

  @Test
  void decodesALineInsideALargerBuffer() {
    byte[] buffer = ("garbage" + EXAMPLE + "more").getBytes(UTF_8);
    assertEquals(EXAMPLE_ITEM, codec.decode(buffer, 7, EXAMPLE.length()));
  }

  @Test
  void decodesTheLegacyLine() {
    String legacy = "id\u0003{\"s\":\"Seattle\"}\u0002scores\u0003{\"nS\":[\"100\",\"30\",\"45\"]}";
    Map<String, AttributeValue> item = codec.decode(legacy);
    assertEquals(
        codec.decode("{\"id\":{\"s\":\"Seattle\"},\"scores\":{\"nS\":[\"100\",\"30\",\"45\"]}}"),
        item);
    assertEquals(List.of("id", "scores"), List.copyOf(item.keySet()));
    assertEquals(
        item("a b", m("k", l(s("\u0002 escaped")))),
        codec.decode("a b\u0003{\"m\":{\"k\":{\"L\":[{\"s\":\"\\u0002 escaped\"}]}}}"));
  }

  @Test
  void keepsCharactersOutsideTheBasicPlaneAndLineSeparators() {
    String text = "😀 \u2028 \u2029 \n \r \u0000 \u0002 \u0003 \u007f é 東 </p>";
    byte[] line = codec.encode(item("t", s(text)));
    assertEquals(item("t", s(text)), codec.decode(line, 0, line.length));
    String json = new String(line, UTF_8);
    assertTrue(json.contains("😀"), "astral characters are written as UTF-8, not escapes: " + json);
    assertTrue(json.contains("</p>"), "slashes are not escaped: " + json);
    assertTrue(json.contains("\\n \\r \\u0000 \\u0002 \\u0003"), json);
    assertEquals(item("t", s("😀")), codec.decode("{\"t\":{\"s\":\"\\ud83d\\ude00\"}}"));
  }

  @Test
  void encodesWithoutTerminatorAndLeavesTheStreamOpenAndUnflushed() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    boolean[] flushedOrClosed = new boolean[1];
    try (FilterOutputStream out =
        new FilterOutputStream(bytes) {
          @Override
          public void flush() {
            flushedOrClosed[0] = true;
          }

          @Override
          public void close() {
            flushedOrClosed[0] = true;
          }
        }) {
      codec.encode(EXAMPLE_ITEM, out);
      codec.encode(EXAMPLE_ITEM, out);
      assertFalse(flushedOrClosed[0]);
    }
    assertEquals(EXAMPLE + EXAMPLE, bytes.toString(UTF_8));
  }

  @Test
  void acceptsEmptyNamesEmptyStringsAndEmptyBinaryInsideItems() {
    String line =
        "{\"a\":{\"m\":{\"\":{\"s\":\"\"}}},\"b\":{\"b\":\"\"},\"c\":{\"sS\":[\"\",\"x\"]}}";
    Map<String, AttributeValue> item = codec.decode(line);
    assertEquals(item("a", m("", s("")), "b", b(), "c", ss("", "x")), item);
    assertEquals(line, new String(codec.encode(item), UTF_8));
  }

  @Test
  void blankLinesAreWhitespaceOnly() {
    assertTrue(DataPipelineCodec.isBlank(new byte[0], 0, 0));
    assertTrue(blank("   "));
    assertTrue(blank(" \t\r"));
    assertTrue(blank("\uFEFF "));
    assertFalse(blank("x"));
    assertFalse(blank("  {"));
    assertFalse(blank("\u0002"));
    byte[] buffer = "x  x".getBytes(UTF_8);
    assertTrue(DataPipelineCodec.isBlank(buffer, 1, 2));
    assertFalse(DataPipelineCodec.isBlank(buffer, 1, 3));
  }

  private static boolean blank(String line) {
    byte[] bytes = line.getBytes(UTF_8);
    return DataPipelineCodec.isBlank(bytes, 0, bytes.length);
  }
}
