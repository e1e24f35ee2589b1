package io.ddbio.item;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Short ways to build items in tests. */
final class Items {
  private Items() {}

  /** An item from alternating names and values, in that order. */
  static Map<String, AttributeValue> item(Object... namesAndValues) {
    Map<String, AttributeValue> item = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      item.put((String) namesAndValues[i], (AttributeValue) namesAndValues[i + 1]);
    }
    return item;
  }

  static AttributeValue s(String s) {
    return AttributeValue.fromS(s);
  }

  static AttributeValue n(String n) {
    return AttributeValue.fromN(n);
  }

  static AttributeValue b(int... bytes) {
    return AttributeValue.fromB(bytes(bytes));
  }

  static SdkBytes bytes(int... bytes) {
    byte[] raw = new byte[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      raw[i] = (byte) bytes[i];
    }
    return SdkBytes.fromByteArray(raw);
  }

  static AttributeValue ss(String... members) {
    return AttributeValue.fromSs(List.of(members));
  }

  static AttributeValue ns(String... members) {
    return AttributeValue.fromNs(List.of(members));
  }

  static AttributeValue m(Object... namesAndValues) {
    return AttributeValue.fromM(item(namesAndValues));
  }

  static AttributeValue l(AttributeValue... elements) {
    return AttributeValue.fromL(List.of(elements));
  }

  static AttributeValue bool(boolean b) {
    return AttributeValue.fromBool(b);
  }

  static AttributeValue nul() {
    return AttributeValue.fromNul(true);
  }

  /** Checks each part of an export line apart, so that a failure says which part differs. */
  static void assertExportLine(ExportLine expected, ExportLine actual) {
    assertEquals(expected.kind(), actual.kind());
    assertEquals(expected.item(), actual.item());
    assertEquals(expected.keys(), actual.keys());
    assertEquals(expected.oldImage(), actual.oldImage());
    assertEquals(expected.writeTimestampMicros(), actual.writeTimestampMicros());
  }
}
