package io.ddbio.testkit.items;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class TestItemEquivalence {
  @Test
  void numbersCompareByValue() {
    assertTrue(same("{\"n\":{\"N\":\"1E+100\"}}", "{\"n\":{\"N\":\"1e100\"}}"));
    assertTrue(same("{\"n\":{\"N\":\"36\"}}", "{\"n\":{\"N\":\"36.0\"}}"));
    assertTrue(same("{\"n\":{\"N\":\"0\"}}", "{\"n\":{\"N\":\"-0.00\"}}"));
    assertFalse(same("{\"n\":{\"N\":\"36\"}}", "{\"n\":{\"N\":\"36.01\"}}"));
  }

  @Test
  void setsCompareAsSets() {
    assertTrue(same("{\"s\":{\"SS\":[\"a\",\"b\"]}}", "{\"s\":{\"SS\":[\"b\",\"a\"]}}"));
    assertTrue(same("{\"s\":{\"NS\":[\"1\",\"2.0\"]}}", "{\"s\":{\"NS\":[\"2\",\"1E0\"]}}"));
    assertTrue(
        same("{\"s\":{\"BS\":[\"AA==\",\"AQ==\"]}}", "{\"s\":{\"BS\":[\"AQ==\",\"AA==\"]}}"));
    assertFalse(same("{\"s\":{\"SS\":[\"a\",\"b\"]}}", "{\"s\":{\"SS\":[\"a\",\"c\"]}}"));
    assertFalse(same("{\"s\":{\"NS\":[\"1\"]}}", "{\"s\":{\"NS\":[\"1\",\"2\"]}}"));
  }

  @Test
  void everythingElseComparesExactly() {
    assertTrue(
        same(
            "{\"a\":{\"S\":\"x\"},\"b\":{\"N\":\"1\"}}",
            "{\"b\":{\"N\":\"1\"},\"a\":{\"S\":\"x\"}}"));
    assertFalse(same("{\"a\":{\"S\":\"x\"}}", "{\"a\":{\"S\":\"x \"}}"));
    assertFalse(same("{\"a\":{\"S\":\"1\"}}", "{\"a\":{\"N\":\"1\"}}"));
    assertFalse(same("{\"a\":{\"B\":\"AA==\"}}", "{\"a\":{\"B\":\"AQ==\"}}"));
    assertFalse(same("{\"a\":{\"BOOL\":true}}", "{\"a\":{\"BOOL\":false}}"));
    assertFalse(
        same(
            "{\"a\":{\"L\":[{\"N\":\"1\"},{\"N\":\"2\"}]}}",
            "{\"a\":{\"L\":[{\"N\":\"2\"},{\"N\":\"1\"}]}}"));
    assertTrue(
        same(
            "{\"a\":{\"L\":[{\"N\":\"1.0\"},{\"M\":{}}]}}",
            "{\"a\":{\"L\":[{\"N\":\"1\"},{\"M\":{}}]}}"));
  }

  @Test
  void describesTheFirstDifferenceWithItsPath() {
    assertNull(difference("{\"a\":{\"S\":\"x\"}}", "{\"a\":{\"S\":\"x\"}}"));
    assertEquals(
        "attribute \"doc.list[2]\": expected AttributeValue(S=c), found AttributeValue(S=d)",
        difference(
            "{\"doc\":{\"M\":{\"list\":{\"L\":[{\"S\":\"a\"},{\"S\":\"b\"},{\"S\":\"c\"}]}}}}",
            "{\"doc\":{\"M\":{\"list\":{\"L\":[{\"S\":\"a\"},{\"S\":\"b\"},{\"S\":\"d\"}]}}}}"));
    assertEquals(
        "attribute \"b\" is missing (expected AttributeValue(N=1))",
        difference("{\"a\":{\"S\":\"x\"},\"b\":{\"N\":\"1\"}}", "{\"a\":{\"S\":\"x\"}}"));
    assertEquals(
        "unexpected attribute \"m.z\" = AttributeValue(NUL=true)",
        difference("{\"m\":{\"M\":{}}}", "{\"m\":{\"M\":{\"z\":{\"NULL\":true}}}}"));
    assertEquals(
        "attribute \"l\": expected a list of 1 elements, found 2",
        difference(
            "{\"l\":{\"L\":[{\"S\":\"a\"}]}}", "{\"l\":{\"L\":[{\"S\":\"a\"},{\"S\":\"b\"}]}}"));
    assertEquals(
        "attribute \"b\": expected B=AAE=, found B=AAI=",
        ItemEquivalence.describeDifference(
            Map.of("b", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {0, 1}))),
            Map.of("b", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {0, 2})))));
  }

  @Test
  void sameItemsMatchByKeyInAnyOrder() {
    List<Map<String, AttributeValue>> expected =
        List.of(
            DynamoDbJsonLines.parse(
                "{\"pk\":{\"S\":\"a\"},\"sk\":{\"N\":\"1\"},\"v\":{\"N\":\"10\"}}"),
            DynamoDbJsonLines.parse("{\"pk\":{\"S\":\"a\"},\"sk\":{\"N\":\"2\"}}"));
    List<Map<String, AttributeValue>> actual =
        List.of(
            DynamoDbJsonLines.parse("{\"sk\":{\"N\":\"2.0\"},\"pk\":{\"S\":\"a\"}}"),
            DynamoDbJsonLines.parse(
                "{\"pk\":{\"S\":\"a\"},\"sk\":{\"N\":\"1\"},\"v\":{\"N\":\"1E1\"}}"));
    ItemEquivalence.assertSameItems(expected, actual, List.of("pk", "sk"));
  }

  @Test
  void reportsMissingExtraDifferentAndRepeatedItems() {
    List<Map<String, AttributeValue>> expected =
        List.of(
            DynamoDbJsonLines.parse("{\"pk\":{\"S\":\"gone\"}}"),
            DynamoDbJsonLines.parse("{\"pk\":{\"S\":\"same\"}}"),
            DynamoDbJsonLines.parse("{\"pk\":{\"S\":\"changed\"},\"v\":{\"N\":\"1\"}}"));
    List<Map<String, AttributeValue>> actual =
        List.of(
            DynamoDbJsonLines.parse("{\"pk\":{\"S\":\"same\"}}"),
            DynamoDbJsonLines.parse("{\"pk\":{\"S\":\"changed\"},\"v\":{\"N\":\"2\"}}"),
            DynamoDbJsonLines.parse("{\"pk\":{\"S\":\"new\"}}"),
            DynamoDbJsonLines.parse("{\"pk\":{\"S\":\"new\"}}"));
    AssertionError e =
        assertThrows(
            AssertionError.class,
            () -> ItemEquivalence.assertSameItems(expected, actual, List.of("pk")));
    assertEquals(
        "items differ: 1 missing, 1 extra, 1 different, 1 keys present twice (expected 3 items,"
            + " actual 4)\n"
            + "  missing {pk=S:\"gone\"}\n"
            + "  extra {pk=S:\"new\"}\n"
            + "  different {pk=S:\"changed\"}: attribute \"v\": expected AttributeValue(N=1), found"
            + " AttributeValue(N=2)\n"
            + "  key twice in actual {pk=S:\"new\"}",
        e.getMessage());
  }

  @Test
  void longReportsListTenOfEachAndCountTheRest() {
    List<Map<String, AttributeValue>> expected = new java.util.ArrayList<>();
    for (int i = 0; i < 25; i++) {
      Map<String, AttributeValue> item = new LinkedHashMap<>();
      item.put("pk", AttributeValue.fromN(Integer.toString(i)));
      expected.add(item);
    }
    AssertionError e =
        assertThrows(
            AssertionError.class,
            () -> ItemEquivalence.assertSameItems(expected, List.of(), List.of("pk")));
    assertTrue(e.getMessage().startsWith("items differ: 25 missing, 0 extra"), e.getMessage());
    assertTrue(e.getMessage().endsWith("\n  … and 15 more missing"), e.getMessage());
  }

  private static boolean same(String a, String b) {
    return ItemEquivalence.equivalent(DynamoDbJsonLines.parse(a), DynamoDbJsonLines.parse(b));
  }

  private static String difference(String a, String b) {
    return ItemEquivalence.describeDifference(
        DynamoDbJsonLines.parse(a), DynamoDbJsonLines.parse(b));
  }
}
