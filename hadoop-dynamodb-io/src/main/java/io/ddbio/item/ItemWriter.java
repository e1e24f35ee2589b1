package io.ddbio.item;

import com.fasterxml.jackson.core.Base64Variants;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Writes items as type-tagged JSON in either tag spelling. It refuses what it could not read back
 * (empty sets, a {@code NULL} that is not true, a value with no type), so a file it writes always
 * imports; numbers are written as given, since items normally come straight from DynamoDB.
 */
final class ItemWriter {
  private ItemWriter() {}

  /**
   * Writes a map of attributes as one JSON object.
   *
   * @param topLevel whether this is an item rather than a nested {@code M}: only an item must have
   *     attributes, and only its attribute names must be non-empty
   */
  static void writeMap(
      JsonGenerator g, Map<String, AttributeValue> map, TypeTag.Spelling spelling, boolean topLevel)
      throws IOException {
    if (topLevel && map.isEmpty()) {
      throw new BadValue("empty item (no attributes)");
    }
    g.writeStartObject();
    for (Map.Entry<String, AttributeValue> entry : map.entrySet()) {
      String name = entry.getKey();
      if (name == null || (topLevel && name.isEmpty())) {
        throw new BadValue(name == null ? "null attribute name" : "empty attribute name");
      }
      g.writeFieldName(name);
      try {
        writeValue(g, entry.getValue(), spelling);
      } catch (BadValue e) {
        throw e.in(name);
      }
    }
    g.writeEndObject();
  }

  private static void writeValue(JsonGenerator g, AttributeValue value, TypeTag.Spelling spelling)
      throws IOException {
    TypeTag tag = value == null ? null : TypeTag.of(value);
    if (tag == null) {
      throw new BadValue(value == null ? "null attribute value" : "attribute value holds no type");
    }
    g.writeStartObject();
    g.writeFieldName(tag.spelled(spelling));
    switch (tag) {
      case S -> g.writeString(value.s());
      case N -> g.writeString(value.n());
      case B -> writeBinary(g, value.b());
      case SS -> writeStrings(g, value.ss());
      case NS -> writeStrings(g, value.ns());
      case BS -> {
        g.writeStartArray();
        for (SdkBytes member : nonEmpty(value.bs())) {
          writeBinary(g, member);
        }
        g.writeEndArray();
      }
      case M -> writeMap(g, value.m(), spelling, false);
      case L -> {
        g.writeStartArray();
        List<AttributeValue> list = value.l();
        for (int i = 0; i < list.size(); i++) {
          try {
            writeValue(g, list.get(i), spelling);
          } catch (BadValue e) {
            throw e.at(i);
          }
        }
        g.writeEndArray();
      }
      case BOOL -> g.writeBoolean(value.bool());
      case NULL -> {
        if (!value.nul()) {
          throw new BadValue("NULL value is false; DynamoDB's NULL is always true");
        }
        g.writeBoolean(true);
      }
    }
    g.writeEndObject();
  }

  private static void writeStrings(JsonGenerator g, List<String> members) throws IOException {
    g.writeStartArray();
    for (String member : nonEmpty(members)) {
      if (member == null) {
        throw new BadValue("null set member");
      }
      g.writeString(member);
    }
    g.writeEndArray();
  }

  private static void writeBinary(JsonGenerator g, SdkBytes bytes) throws IOException {
    if (bytes == null) {
      throw new BadValue("null binary value");
    }
    byte[] raw = bytes.asByteArrayUnsafe();
    g.writeBinary(Base64Variants.MIME_NO_LINEFEEDS, raw, 0, raw.length);
  }

  private static <T> List<T> nonEmpty(List<T> set) {
    if (set.isEmpty()) {
      throw new BadValue("empty set; DynamoDB sets hold at least one member");
    }
    return set;
  }
}
