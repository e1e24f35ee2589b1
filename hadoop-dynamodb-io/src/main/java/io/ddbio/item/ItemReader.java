package io.ddbio.item;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reads type-tagged values from a Jackson token stream. Both item formats use it: tags are matched
 * without regard to case, so it needs no knowledge of which spelling the writer used.
 *
 * <p>Problems are thrown as {@link BadValue}, which collects the attribute path as it unwinds.
 */
final class ItemReader {
  /**
   * Below this size a set is checked for duplicates pairwise, which beats allocating a hash set.
   */
  private static final int SMALL_SET = 8;

  // Values are immutable, so the three constant ones are shared instead of built per item.
  private static final AttributeValue TRUE = AttributeValue.fromBool(true);
  private static final AttributeValue FALSE = AttributeValue.fromBool(false);
  private static final AttributeValue NULL = AttributeValue.fromNul(true);

  private ItemReader() {}

  /**
   * Reads a map of attributes; the parser must be on its {@code START_OBJECT} and is left on the
   * matching {@code END_OBJECT}.
   *
   * @param topLevel whether this is an item rather than a nested {@code M}: only an item must have
   *     attributes, and only its attribute names must be non-empty
   * @param scratch what reading this line reuses
   * @return a new mutable map, in the order of the line
   */
  static Map<String, AttributeValue> readMap(JsonParser p, boolean topLevel, ReadScratch scratch)
      throws IOException {
    Map<String, AttributeValue> map = new LinkedHashMap<>();
    readFields(p, topLevel, map, scratch);
    return map;
  }

  /**
   * Reads the object of an {@code M} value, the parser on its {@code START_OBJECT}, into a reused
   * container: the SDK copies it into the value anyway.
   */
  private static AttributeValue readM(JsonParser p, ReadScratch scratch) throws IOException {
    Fields fields = scratch.openObject();
    readFields(p, false, fields, scratch);
    return scratch.closeObjectAsM(fields);
  }

  private static void readFields(
      JsonParser p, boolean topLevel, Map<String, AttributeValue> fields, ReadScratch scratch)
      throws IOException {
    JsonToken token;
    while ((token = next(p)) == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      if (topLevel && name.isEmpty()) {
        throw new BadValue("empty attribute name");
      }
      AttributeValue value;
      try {
        next(p);
        value = readValue(p, scratch);
      } catch (BadValue e) {
        throw e.in(name);
      }
      if (fields.putIfAbsent(name, value) != null) {
        throw new BadValue("duplicate attribute name \"" + name + "\"");
      }
    }
    if (token != JsonToken.END_OBJECT) {
      throw new BadValue("expected an attribute name, found " + describe(token));
    }
    if (topLevel && fields.isEmpty()) {
      throw new BadValue("empty item (no attributes)");
    }
  }

  /** Reads one {@code {"<tag>": <value>}} object; the parser must be on its first token. */
  static AttributeValue readValue(JsonParser p, ReadScratch scratch) throws IOException {
    JsonToken token = p.currentToken();
    if (token != JsonToken.START_OBJECT) {
      throw new BadValue(
          "expected a type-tagged object such as {\"S\":\"text\"}, found " + describe(token));
    }
    if (next(p) != JsonToken.FIELD_NAME) {
      throw new BadValue("no type tag (an empty object)");
    }
    String tagName = p.currentName();
    TypeTag tag = TypeTag.lookup(tagName);
    if (tag == null) {
      throw new BadValue("unknown type tag \"" + tagName + "\"");
    }
    next(p);
    AttributeValue value = readTagged(p, tag, tagName, scratch);
    token = next(p);
    if (token == JsonToken.FIELD_NAME) {
      throw new BadValue(
          "more than one type tag (\"" + tagName + "\" and \"" + p.currentName() + "\")");
    }
    if (token != JsonToken.END_OBJECT) {
      throw new BadValue("expected the end of the type-tagged object, found " + describe(token));
    }
    return value;
  }

  private static AttributeValue readTagged(
      JsonParser p, TypeTag tag, String tagName, ReadScratch scratch) throws IOException {
    JsonToken token = p.currentToken();
    return switch (tag) {
      case S -> scratch.s(string(p, tagName));
      case N -> scratch.n(number(p, tagName));
      case B -> scratch.b(binary(p, tagName));
      case SS -> scratch.ss(set(p, tagName, ItemReader::string, null, scratch));
      case NS ->
          scratch.ns(
              set(
                  p,
                  tagName,
                  ItemReader::number,
                  n -> DynamoDbNumbers.canonical((String) n),
                  scratch));
      case BS -> scratch.bs(set(p, tagName, ItemReader::binary, null, scratch));
      case M -> {
        expect(token, JsonToken.START_OBJECT, tagName, "an object");
        yield readM(p, scratch);
      }
      case L -> readL(p, tagName, scratch);
      case BOOL -> {
        if (token != JsonToken.VALUE_TRUE && token != JsonToken.VALUE_FALSE) {
          throw wrongType(tagName, "true or false", token);
        }
        yield token == JsonToken.VALUE_TRUE ? TRUE : FALSE;
      }
      case NULL -> {
        expect(token, JsonToken.VALUE_TRUE, tagName, "true");
        yield NULL;
      }
    };
  }

  private static AttributeValue readL(JsonParser p, String tagName, ReadScratch scratch)
      throws IOException {
    expect(p.currentToken(), JsonToken.START_ARRAY, tagName, "an array");
    List<AttributeValue> list = scratch.openList();
    while (next(p) != JsonToken.END_ARRAY) {
      try {
        list.add(readValue(p, scratch));
      } catch (BadValue e) {
        throw e.at(list.size());
      }
    }
    return scratch.closeListAsL(list);
  }

  /** Reads one member of a set, the parser on its token. */
  private interface Member<T> {
    T read(JsonParser p, String tagName) throws IOException;
  }

  /**
   * Reads a set's members into the scratch set container.
   *
   * @param identity what makes two members the same, or null when it is the member itself
   */
  private static List<?> set(
      JsonParser p,
      String tagName,
      Member<?> member,
      Function<Object, ?> identity,
      ReadScratch scratch)
      throws IOException {
    expect(p.currentToken(), JsonToken.START_ARRAY, tagName, "an array");
    List<Object> members = scratch.openSet();
    while (next(p) != JsonToken.END_ARRAY) {
      try {
        members.add(member.read(p, tagName));
      } catch (BadValue e) {
        throw e.at(members.size());
      }
    }
    if (members.isEmpty()) {
      throw new BadValue(
          "empty set (\"" + tagName + "\":[]); DynamoDB sets hold at least one member");
    }
    int duplicate = firstDuplicate(members, identity);
    if (duplicate >= 0) {
      throw new BadValue("duplicate set member " + show(members.get(duplicate))).at(duplicate);
    }
    return members;
  }

  /**
   * The index of the first member equal (by {@code identity}, or itself when that is null) to an
   * earlier one, or -1.
   */
  private static int firstDuplicate(List<Object> members, Function<Object, ?> identity) {
    List<?> ids = members;
    if (identity != null) {
      List<Object> mapped = new ArrayList<>(members.size());
      for (Object member : members) {
        mapped.add(identity.apply(member));
      }
      ids = mapped;
    }
    int size = ids.size();
    if (size <= SMALL_SET) {
      for (int i = 1; i < size; i++) {
        Object id = ids.get(i);
        for (int j = 0; j < i; j++) {
          if (id.equals(ids.get(j))) {
            return i;
          }
        }
      }
      return -1;
    }
    Set<Object> seen = new HashSet<>(size * 2);
    for (int i = 0; i < size; i++) {
      if (!seen.add(ids.get(i))) {
        return i;
      }
    }
    return -1;
  }

  private static String string(JsonParser p, String tagName) throws IOException {
    expect(p.currentToken(), JsonToken.VALUE_STRING, tagName, "a string");
    try {
      return p.getText();
    } catch (JsonProcessingException e) {
      throw syntax(e);
    }
  }

  private static String number(JsonParser p, String tagName) throws IOException {
    JsonToken token = p.currentToken();
    if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
      String text = p.getText();
      throw new BadValue(
          "unquoted number "
              + text
              + " for type tag \""
              + tagName
              + "\"; numbers are JSON strings (\""
              + text
              + "\", not "
              + text
              + ")");
    }
    String n = string(p, tagName);
    String problem = DynamoDbNumbers.problem(n);
    if (problem != null) {
      throw new BadValue(problem);
    }
    return n;
  }

  private static SdkBytes binary(JsonParser p, String tagName) throws IOException {
    expect(p.currentToken(), JsonToken.VALUE_STRING, tagName, "a base64 string");
    try {
      return SdkBytes.fromByteArrayUnsafe(
          StrictBase64.decode(p.getTextCharacters(), p.getTextOffset(), p.getTextLength()));
    } catch (JsonProcessingException e) {
      throw syntax(e);
    }
  }

  /** Advances the parser, turning a JSON syntax error or exceeded limit into a {@link BadValue}. */
  static JsonToken next(JsonParser p) throws IOException {
    try {
      return p.nextToken();
    } catch (JsonProcessingException e) {
      throw syntax(e);
    }
  }

  static BadValue syntax(JsonProcessingException e) {
    // Limits such as the nesting depth are reported without a location.
    String where = e.getLocation() == null ? "" : " at column " + e.getLocation().getColumnNr();
    return new BadValue("invalid JSON" + where + ": " + brief(e), e);
  }

  /** Jackson's message without its advice on parser settings and source locations. */
  private static String brief(JsonProcessingException e) {
    String message = String.valueOf(e.getOriginalMessage());
    for (String noise : new String[] {" (start marker at", ": enable `"}) {
      int at = message.indexOf(noise);
      if (at > 0) {
        message = message.substring(0, at);
      }
    }
    return message;
  }

  private static void expect(JsonToken actual, JsonToken wanted, String tagName, String what) {
    if (actual != wanted) {
      throw wrongType(tagName, what, actual);
    }
  }

  private static BadValue wrongType(String tagName, String what, JsonToken found) {
    return new BadValue(
        "type tag \"" + tagName + "\" takes " + what + ", found " + describe(found));
  }

  static String describe(JsonToken token) {
    if (token == null) {
      return "the end of the input";
    }
    return switch (token) {
      case START_OBJECT -> "an object";
      case END_OBJECT -> "the end of an object";
      case START_ARRAY -> "an array";
      case END_ARRAY -> "the end of an array";
      case FIELD_NAME -> "a field name";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE -> "true";
      case VALUE_FALSE -> "false";
      case VALUE_NULL -> "null";
      default -> token.toString();
    };
  }

  private static String show(Object member) {
    if (member instanceof SdkBytes bytes) {
      return bytes.asByteArrayUnsafe().length + "-byte binary";
    }
    String s = member.toString();
    return '"' + (s.length() > 60 ? s.substring(0, 60) + "…" : s) + '"';
  }
}
