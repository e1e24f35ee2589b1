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

  /** An item with one attribute of each type whose equality is DynamoDB's, not Java's. */
  private static Map<String, AttributeValue> item(
      String n, List<String> ns, List<String> ss, String b1, String b2) {
    return Map.of(
        "n", AttributeValue.fromN(n),
        "ns", AttributeValue.fromNs(ns),
        "ss", AttributeValue.fromSs(ss),
        "bs",
            AttributeValue.fromBs(
                List.of(SdkBytes.fromUtf8String(b1), SdkBytes.fromUtf8String(b2))),
        "m", AttributeValue.fromM(Map.of("k", s("v"), "l", AttributeValue.fromL(List.of(s("a"))))));
  }

  @Test
  void equalByDynamoDbsRules() {
    // Numbers by value, sets in any order.
    Map<String, AttributeValue> a = item("1.50", List.of("1", "2.0"), List.of("x", "y"), "p", "q");
    Map<String, AttributeValue> b = item("1.5", List.of("2", "1"), List.of("y", "x"), "q", "p");
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
