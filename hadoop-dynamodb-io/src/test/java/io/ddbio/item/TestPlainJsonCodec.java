package io.ddbio.item;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class TestPlainJsonCodec {
  private final PlainJsonCodec codec = new PlainJsonCodec();

  private String encode(Map<String, AttributeValue> item) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    codec.encode(item, out);
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void everyTypeAsPlainJsonWithExactNumbers() throws IOException {
    Map<String, AttributeValue> item = new LinkedHashMap<>();
    item.put("s", AttributeValue.fromS("a\"\u00e9\u2028"));
    item.put("n", AttributeValue.fromN("12345678901234567890123456789012345678"));
    item.put("small", AttributeValue.fromN("-1.5E-130"));
    item.put("b", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {0, 1, 2})));
    item.put("t", AttributeValue.fromBool(true));
    item.put("z", AttributeValue.fromNul(true));
    item.put("ss", AttributeValue.fromSs(List.of("x", "y")));
    item.put("ns", AttributeValue.fromNs(List.of("1", "2.5")));
    item.put("bs", AttributeValue.fromBs(List.of(SdkBytes.fromByteArray(new byte[] {9}))));
    item.put(
        "m",
        AttributeValue.fromM(
            Map.of(
                "l",
                AttributeValue.fromL(
                    List.of(AttributeValue.fromN("0"), AttributeValue.fromM(Map.of()))))));
    item.put("emptyList", AttributeValue.fromL(List.of()));

    assertEquals(
        "{\"s\":\"a\\\"\u00e9\u2028\",\"n\":12345678901234567890123456789012345678,"
            + "\"small\":-1.5E-130,\"b\":\"AAEC\",\"t\":true,\"z\":null,\"ss\":[\"x\",\"y\"],"
            + "\"ns\":[1,2.5],\"bs\":[\"CQ==\"],\"m\":{\"l\":[0,{}]},\"emptyList\":[]}",
        encode(item));
  }

  @Test
  void refusesWhatIsNoItemNamingTheAttribute() {
    assertTrue(
        assertThrows(ItemFormatException.class, () -> encode(Map.of()))
            .getMessage()
            .contains("empty item"));
    Map<String, AttributeValue> typeless =
        Map.of("m", AttributeValue.fromL(List.of(AttributeValue.builder().build())));
    String m = assertThrows(ItemFormatException.class, () -> encode(typeless)).getMessage();
    assertTrue(m.contains("a value with no type in attribute \"m[0]\""), m);
  }
}
