package io.ddbio.export.verify.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class TestItemDifference {
  private static AttributeValue s(String v) {
    return AttributeValue.fromS(v);
  }

  @Test
  void equalByDynamoDbsRules() {
    Map<String, AttributeValue> a =
        Map.of(
            "n", AttributeValue.fromN("1.50"),
            "ns", AttributeValue.fromNs(List.of("1", "2.0")),
            "ss", AttributeValue.fromSs(List.of("x", "y")),
            "bs",
                AttributeValue.fromBs(
                    List.of(SdkBytes.fromUtf8String("p"), SdkBytes.fromUtf8String("q"))),
            "m",
                AttributeValue.fromM(
                    Map.of("k", s("v"), "l", AttributeValue.fromL(List.of(s("a"))))));
    Map<String, AttributeValue> b =
        Map.of(
            "n", AttributeValue.fromN("1.5"),
            "ns", AttributeValue.fromNs(List.of("2", "1")),
            "ss", AttributeValue.fromSs(List.of("y", "x")),
            "bs",
                AttributeValue.fromBs(
                    List.of(SdkBytes.fromUtf8String("q"), SdkBytes.fromUtf8String("p"))),
            "m",
                AttributeValue.fromM(
                    Map.of("l", AttributeValue.fromL(List.of(s("a"))), "k", s("v"))));
    assertNull(ItemDifference.of(a, b));
  }

  @Test
  void theFirstDifferenceIsNamedByItsPath() {
    Map<String, AttributeValue> a =
        Map.of(
            "m", AttributeValue.fromM(Map.of("l", AttributeValue.fromL(List.of(s("a"), s("b"))))));
    Map<String, AttributeValue> b =
        Map.of(
            "m", AttributeValue.fromM(Map.of("l", AttributeValue.fromL(List.of(s("a"), s("c"))))));
    assertEquals("m.l[1] has another value in the table", ItemDifference.of(a, b));
    assertEquals(
        "x is in the table but not in the backup",
        ItemDifference.of(Map.of(), Map.of("x", s("1"))));
    assertEquals(
        "x is S in the backup, N in the table",
        ItemDifference.of(Map.of("x", s("1")), Map.of("x", AttributeValue.fromN("1"))));
    assertTrue(
        ItemDifference.of(
                Map.of("l", AttributeValue.fromL(List.of(s("a")))),
                Map.of("l", AttributeValue.fromL(List.of())))
            .contains("1 elements in the backup, 0 in the table"));
  }

  @Test
  void aCountSendsOnlyThePlaceholdersItsFilterUses() {
    assertTrue(TableCounter.uses("#s = :v", "#s"));
    assertFalse(TableCounter.uses("#st = :v", "#s"));
    assertTrue(TableCounter.uses("attribute_exists(#s)", "#s"));
    assertFalse(TableCounter.uses("#a = :v", "#b"));
  }
}
