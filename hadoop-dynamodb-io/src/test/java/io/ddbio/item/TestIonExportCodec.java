package io.ddbio.item;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class TestIonExportCodec {
  private final IonExportCodec codec = new IonExportCodec();

  private ExportLine decode(String line) {
    byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
    return codec.decodeExportLine(bytes, 0, bytes.length);
  }

  private String refused(String line) {
    return assertThrows(ItemFormatException.class, () -> decode(line)).getMessage();
  }

  private static AttributeValue s(String v) {
    return AttributeValue.fromS(v);
  }

  private static AttributeValue n(String v) {
    return AttributeValue.fromN(v);
  }

  @Test
  void firstLineOfAFileWithTheVersionMarker() {
    ExportLine line =
        decode(
            "$ion_1_0 {Item:{Authors:$dynamodb_SS::[\"Author1\",\"Author2\"],"
                + "Dimensions:\"8.5 x 11.0 x 1.5\",Id:103.,InPublication:false,Price:2000.}}");

    Map<String, AttributeValue> expected = new LinkedHashMap<>();
    expected.put("Authors", AttributeValue.fromSs(List.of("Author1", "Author2")));
    expected.put("Dimensions", s("8.5 x 11.0 x 1.5"));
    expected.put("Id", n("103"));
    expected.put("InPublication", AttributeValue.fromBool(false));
    expected.put("Price", n("2000"));
    assertEquals(ExportLine.Kind.ITEM, line.kind());
    assertEquals(expected, line.item());
  }

  @Test
  void everyDynamoDbType() {
    ExportLine line =
        decode(
            "{Item:{'pk':\"a\u00e9\uD83D\uDE00\",b:{{AAEC}},ns:$dynamodb_NS::[1.5,-2.,7],"
                + "bs:$dynamodb_BS::[{{AAE=}},{{AgM=}}],m:{inner:{deep:true},'with space':\"x\"},"
                + "l:[\"a\",1.,null,[],{}],nothing:null,emptyList:[],emptyMap:{},"
                + "big:12345678901234567890123456789012345678.,tiny:1.0d-130,int:42,"
                + "trailing:1.50}}");

    Map<String, AttributeValue> item = line.item();
    assertEquals(s("a\u00e9\uD83D\uDE00"), item.get("pk"));
    assertEquals(AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {0, 1, 2})), item.get("b"));
    assertEquals(AttributeValue.fromNs(List.of("1.5", "-2", "7")), item.get("ns"));
    assertEquals(
        AttributeValue.fromBs(
            List.of(
                SdkBytes.fromByteArray(new byte[] {0, 1}),
                SdkBytes.fromByteArray(new byte[] {2, 3}))),
        item.get("bs"));
    assertEquals(
        AttributeValue.fromM(
            Map.of(
                "inner", AttributeValue.fromM(Map.of("deep", AttributeValue.fromBool(true))),
                "with space", s("x"))),
        item.get("m"));
    assertEquals(
        AttributeValue.fromL(
            List.of(
                s("a"),
                n("1"),
                AttributeValue.fromNul(true),
                AttributeValue.fromL(List.of()),
                AttributeValue.fromM(Map.of()))),
        item.get("l"));
    assertEquals(AttributeValue.fromNul(true), item.get("nothing"));
    assertEquals(AttributeValue.fromL(List.of()), item.get("emptyList"));
    assertEquals(AttributeValue.fromM(Map.of()), item.get("emptyMap"));
    assertEquals(n("12345678901234567890123456789012345678"), item.get("big"));
    assertTrue(DynamoDbNumbers.sameNumber("1E-130", item.get("tiny").n()), item.get("tiny").n());
    assertEquals(n("42"), item.get("int"));
    assertEquals(n("1.50"), item.get("trailing"));
  }

  @Test
  void incrementalChanges() {
    ExportLine put =
        decode(
            "{Metadata:{WriteTimestampMicros:1700000000000000.},Keys:{pk:\"a\"},"
                + "NewImage:{pk:\"a\",v:2.},OldImage:{pk:\"a\",v:1.}}");
    Items.assertExportLine(
        new ExportLine(
            ExportLine.Kind.PUT,
            Map.of("pk", s("a"), "v", n("2")),
            Map.of("pk", s("a")),
            Map.of("pk", s("a"), "v", n("1")),
            OptionalLong.of(1700000000000000L)),
        put);

    ExportLine delete = decode("{Keys:{pk:\"a\"},OldImage:{pk:\"a\"}}");
    assertEquals(ExportLine.Kind.DELETE, delete.kind());
    assertEquals(Map.of("pk", s("a")), delete.keys());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{Item:{a:1.5e0}}|an Ion float (1.5) is binary floating point; DynamoDB numbers are exact"
            + " decimals in attribute \"a\" of Item",
        "{Item:{a:{b:[1.,2018-01-01T]}}}|an Ion timestamp has no DynamoDB type in attribute"
            + " \"a.b[1]\" of Item",
        "{Item:{a:$dynamodb_SS::[]}}|empty set ($dynamodb_SS::[]); DynamoDB sets hold at least one"
            + " member in attribute \"a\" of Item",
        "{Item:{a:$dynamodb_NS::[1.,1.0]}}|duplicate set member 1.0 in attribute \"a[1]\" of Item",
        "{Item:{a:$dynamodb_NS::[1.,\"2\"]}}|a set member must be a decimal, found string in"
            + " attribute \"a[1]\" of Item",
        "{Item:{a:$dynamodb_XS::[1.]}}|unknown annotation $dynamodb_XS:: (expected $dynamodb_SS,"
            + " $dynamodb_NS or $dynamodb_BS) in attribute \"a\" of Item",
        "{Item:{a:sym}}|an Ion symbol has no DynamoDB type in attribute \"a\" of Item",
        "{Item:{a:1d126}}|in attribute \"a\" of Item",
        "{Item:{a:1.,a:2.}}|duplicate attribute name \"a\" in Item",
        "{Item:{}}|empty item (no attributes) in Item",
        "{Item:{a:1.}} {Item:{a:2.}}|more than one Ion value on the line",
        "[1.]|expected an Ion struct, found list",
        "{Thing:{a:1.}}|unknown field \"Thing\" in an export line",
        "{Item:{a:1.},Keys:{a:1.}}|an export line holds either \"Item\" or a change",
        "{Item:{a:\"unterminated}}|unreadable Ion",
      })
  void refusesNamingTheReasonAndThePath(String line, String reason) {
    String m = refused(line);
    assertTrue(m.contains(reason), m);
  }

  @Test
  void binaryIonIsRefusedSayingSo() {
    byte[] binary = {(byte) 0xE0, 0x01, 0x00, (byte) 0xEA, 0x0F};
    String m =
        assertThrows(
                ItemFormatException.class, () -> codec.decodeExportLine(binary, 0, binary.length))
            .getMessage();
    assertTrue(m.startsWith("binary Ion"), m);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "$ion_1_0", " $ion_1_0 \r"})
  void blankLines(String line) {
    byte[] b = line.getBytes(StandardCharsets.UTF_8);
    assertTrue(IonExportCodec.isBlank(b, 0, b.length));
  }

  @ParameterizedTest
  @ValueSource(strings = {"$ion_1_0 {Item:{a:1.}}", "{Item:{a:1.}}", "$ion_1_0x"})
  void notBlank(String line) {
    byte[] b = line.getBytes(StandardCharsets.UTF_8);
    assertFalse(IonExportCodec.isBlank(b, 0, b.length));
  }

  @Test
  void decodesWithinALargerBuffer() {
    byte[] buf = "xx{Item:{a:\"b\"}}yy".getBytes(StandardCharsets.UTF_8);
    assertEquals(Map.of("a", s("b")), codec.decodeExportLine(buf, 2, buf.length - 4).item());
  }
}
