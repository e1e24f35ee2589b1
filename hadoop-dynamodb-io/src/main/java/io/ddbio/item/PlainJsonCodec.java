package io.ddbio.item;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Writes items as plain JSON, for tools that read JSON and know nothing of DynamoDB (Athena, Spark,
 * jq): S as a string, N as a JSON number with the digits DynamoDB holds (never through a double, so
 * 38-digit numbers stay exact), B as a standard base64 string, BOOL as a boolean, NULL as null, M
 * as an object, L as an array, and SS, NS and BS as arrays of their members.
 *
 * <p>The types do not survive: a string set and a list of strings, or a binary and a string, look
 * the same. That is the point of the format and why nothing reads it back as items; a backup to
 * restore from is written in a typed format.
 *
 * <p>Thread-safe.
 */
public final class PlainJsonCodec {
  private static final Base64.Encoder BASE64 = Base64.getEncoder();

  /**
   * Writes {@code item} as one JSON object in UTF-8, with no line terminator. The stream is neither
   * flushed nor closed.
   *
   * @param item the attributes, written in the map's iteration order
   * @param out where the bytes go
   * @throws ItemFormatException for an empty item or a value with no type, naming its attribute
   * @throws IOException if {@code out} fails
   */
  public void encode(Map<String, AttributeValue> item, OutputStream out) throws IOException {
    Objects.requireNonNull(item, "item");
    if (item.isEmpty()) {
      throw new ItemFormatException("empty item (no attributes)");
    }
    try (JsonGenerator g = ItemJson.FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
      writeMap(g, item);
    } catch (BadValue e) {
      throw e.toException();
    }
  }

  private static void writeMap(JsonGenerator g, Map<String, AttributeValue> map)
      throws IOException {
    g.writeStartObject();
    for (Map.Entry<String, AttributeValue> e : map.entrySet()) {
      g.writeFieldName(e.getKey());
      try {
        writeValue(g, e.getValue());
      } catch (BadValue bad) {
        throw bad.in(e.getKey());
      }
    }
    g.writeEndObject();
  }

  private static void writeValue(JsonGenerator g, AttributeValue v) throws IOException {
    if (v == null) {
      throw new BadValue("null value");
    }
    AttributeValue.Type type = v.type();
    if (type == null) {
      throw new BadValue("a value with no type");
    }
    switch (type) {
      case S -> g.writeString(v.s());
      // Written as the text DynamoDB returned: a JSON number, exact whatever its size.
      case N -> g.writeNumber(v.n());
      case B -> g.writeString(base64(v.b()));
      case BOOL -> g.writeBoolean(v.bool());
      case NUL -> g.writeNull();
      case M -> writeMap(g, v.m());
      case L -> {
        List<AttributeValue> list = v.l();
        g.writeStartArray();
        for (int i = 0; i < list.size(); i++) {
          try {
            writeValue(g, list.get(i));
          } catch (BadValue bad) {
            throw bad.at(i);
          }
        }
        g.writeEndArray();
      }
      case SS -> {
        g.writeStartArray();
        for (String s : v.ss()) {
          g.writeString(s);
        }
        g.writeEndArray();
      }
      case NS -> {
        g.writeStartArray();
        for (String n : v.ns()) {
          g.writeNumber(n);
        }
        g.writeEndArray();
      }
      case BS -> {
        g.writeStartArray();
        for (SdkBytes b : v.bs()) {
          g.writeString(base64(b));
        }
        g.writeEndArray();
      }
      default -> throw new BadValue("a value with no type");
    }
  }

  private static String base64(SdkBytes bytes) {
    return BASE64.encodeToString(bytes.asByteArrayUnsafe());
  }
}
