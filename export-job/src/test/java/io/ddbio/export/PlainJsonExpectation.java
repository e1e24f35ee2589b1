package io.ddbio.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What a plain JSON export must hold for an item, checked against a parsed line: written apart from
 * the encoder, from the mapping the documentation states. Sets are compared as sets, since DynamoDB
 * returns their members in an order of its own.
 */
final class PlainJsonExpectation {
  private PlainJsonExpectation() {}

  static void assertMatches(Map<String, AttributeValue> item, JsonNode node) {
    assertTrue(node.isObject(), node::toString);
    assertEquals(item.keySet(), fieldNames(node), node::toString);
    item.forEach((name, value) -> assertValue(value, node.get(name), name));
  }

  private static void assertValue(AttributeValue v, JsonNode n, String path) {
    switch (v.type()) {
      case S -> assertEquals(v.s(), text(n, path), path);
      case N -> assertNumber(v.n(), n, path);
      case B -> assertEquals(base64(v.b()), text(n, path), path);
      case BOOL -> {
        assertTrue(n.isBoolean(), path);
        assertEquals(v.bool(), n.booleanValue(), path);
      }
      case NUL -> assertTrue(n.isNull(), path);
      case M -> {
        assertTrue(n.isObject(), path);
        assertEquals(v.m().keySet(), fieldNames(n), path);
        v.m().forEach((k, member) -> assertValue(member, n.get(k), path + "." + k));
      }
      case L -> {
        assertTrue(n.isArray(), path);
        assertEquals(v.l().size(), n.size(), path);
        for (int i = 0; i < v.l().size(); i++) {
          assertValue(v.l().get(i), n.get(i), path + "[" + i + "]");
        }
      }
      case SS -> assertEquals(new HashSet<>(v.ss()), texts(n, path), path);
      case NS -> {
        Set<BigDecimal> expected = new HashSet<>();
        v.ns().forEach(x -> expected.add(new BigDecimal(x).stripTrailingZeros()));
        Set<BigDecimal> actual = new HashSet<>();
        n.forEach(x -> actual.add(x.decimalValue().stripTrailingZeros()));
        assertTrue(n.isArray() && n.size() == v.ns().size(), path);
        assertEquals(expected, actual, path);
      }
      case BS -> {
        Set<String> expected = new HashSet<>();
        v.bs().forEach(b -> expected.add(base64(b)));
        assertEquals(expected, texts(n, path), path);
      }
      default -> throw new AssertionError("unexpected type at " + path + ": " + v);
    }
  }

  private static void assertNumber(String expected, JsonNode n, String path) {
    assertTrue(n.isNumber(), () -> path + " is not a JSON number: " + n);
    assertEquals(0, new BigDecimal(expected).compareTo(n.decimalValue()), path);
  }

  private static String text(JsonNode n, String path) {
    assertTrue(n.isTextual(), () -> path + " is not a JSON string: " + n);
    return n.textValue();
  }

  private static Set<String> texts(JsonNode n, String path) {
    assertTrue(n.isArray(), path);
    Set<String> out = new HashSet<>();
    n.forEach(x -> out.add(text(x, path)));
    assertEquals(n.size(), out.size(), path);
    return out;
  }

  private static Set<String> fieldNames(JsonNode n) {
    List<String> names = new ArrayList<>();
    n.fieldNames().forEachRemaining(names::add);
    return new HashSet<>(names);
  }

  private static String base64(SdkBytes b) {
    return Base64.getEncoder().encodeToString(b.asByteArray());
  }
}
