package io.ddbio.testkit.items;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A small reader of DynamoDB JSON lines (upper-case type tags, one item per line), so that the test
 * kit can load the canonical fixture items without depending on the library it tests.
 *
 * <p>It trusts its input: it is for fixture files, not for checking the format.
 */
public final class DynamoDbJsonLines {
  private static final JsonFactory JSON = new JsonFactory();

  private DynamoDbJsonLines() {}

  /**
   * Reads one item.
   *
   * @param line a JSON object of type-tagged attributes, such as {@code {"pk":{"S":"a"}}}
   * @return the item, its attributes in the order of the line
   * @throws IllegalArgumentException if the line is not DynamoDB JSON
   */
  public static Map<String, AttributeValue> parse(String line) {
    try (JsonParser p = JSON.createParser(line)) {
      p.nextToken();
      Map<String, AttributeValue> item = map(p);
      if (p.nextToken() != null) {
        throw new IllegalArgumentException("data after the item: " + line);
      }
      return item;
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON: " + line, e);
    }
  }

  private static Map<String, AttributeValue> map(JsonParser p) throws IOException {
    expect(p, JsonToken.START_OBJECT);
    Map<String, AttributeValue> map = new LinkedHashMap<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      p.nextToken();
      map.put(name, value(p));
    }
    return map;
  }

  private static AttributeValue value(JsonParser p) throws IOException {
    expect(p, JsonToken.START_OBJECT);
    p.nextToken();
    String tag = p.currentName();
    p.nextToken();
    AttributeValue value =
        switch (tag) {
          case "S" -> AttributeValue.fromS(p.getText());
          case "N" -> AttributeValue.fromN(p.getText());
          case "B" -> AttributeValue.fromB(binary(p.getText()));
          case "SS" -> AttributeValue.fromSs(strings(p));
          case "NS" -> AttributeValue.fromNs(strings(p));
          case "BS" -> AttributeValue.fromBs(strings(p).stream().map(b -> binary(b)).toList());
          case "M" -> AttributeValue.fromM(map(p));
          case "L" -> AttributeValue.fromL(list(p));
          case "BOOL" -> AttributeValue.fromBool(p.getBooleanValue());
          case "NULL" -> AttributeValue.fromNul(p.getBooleanValue());
          default -> throw new IllegalArgumentException("unknown type tag " + tag);
        };
    p.nextToken();
    expect(p, JsonToken.END_OBJECT);
    return value;
  }

  private static List<String> strings(JsonParser p) throws IOException {
    expect(p, JsonToken.START_ARRAY);
    List<String> members = new ArrayList<>();
    while (p.nextToken() == JsonToken.VALUE_STRING) {
      members.add(p.getText());
    }
    return members;
  }

  private static List<AttributeValue> list(JsonParser p) throws IOException {
    expect(p, JsonToken.START_ARRAY);
    List<AttributeValue> list = new ArrayList<>();
    while (p.nextToken() != JsonToken.END_ARRAY) {
      list.add(value(p));
    }
    return list;
  }

  private static SdkBytes binary(String base64) {
    return SdkBytes.fromByteArray(Base64.getDecoder().decode(base64));
  }

  private static void expect(JsonParser p, JsonToken token) {
    if (p.currentToken() != token) {
      throw new IllegalArgumentException(
          "expected " + token + " but found " + p.currentToken() + " at " + p.currentLocation());
    }
  }
}
