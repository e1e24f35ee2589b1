package io.ddbio.bench.codec;

import com.fasterxml.jackson.core.Base64Variants;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A reference, not a codec: the least any decoder must do to turn a Data Pipeline line into SDK
 * items. It reads the tokens, turns every string into a {@code String}, decodes base64 with
 * Jackson's own decoder and builds the {@code AttributeValue}s, maps and lists, but checks nothing:
 * no tag spelling beyond its first letter, no number rules, no duplicate names or set members, no
 * padding rules, no trailing data. Valid lines only; what it does with others is undefined.
 *
 * <p>It measures how much of our decoder's time the output model itself costs, apart from
 * validation. Its two variants differ only in how values are built ({@link ValueBuilders}): with a
 * fresh SDK builder per value, or with one kept builder per type, as the library does.
 */
public final class BareSdkDecoder {
  private final ValueBuilders values;

  private BareSdkDecoder(ValueBuilders values) {
    this.values = values;
  }

  /** A decoder that builds every value with the SDK's static factories, a fresh builder each. */
  public static BareSdkDecoder withFreshBuilders() {
    return new BareSdkDecoder(new ValueBuilders.Fresh());
  }

  /** A decoder that keeps one SDK builder per type; for one thread only. */
  public static BareSdkDecoder withReusedBuilders() {
    return new BareSdkDecoder(new ValueBuilders.Reused());
  }

  /** Decodes one valid line. */
  public Map<String, AttributeValue> decode(byte[] buf, int off, int len) throws IOException {
    try (JsonParser p = Yardstick.FACTORY.createParser(buf, off, len)) {
      p.nextToken();
      return fields(p);
    }
  }

  /** The parser on a START_OBJECT of attributes; left on its END_OBJECT. */
  private Map<String, AttributeValue> fields(JsonParser p) throws IOException {
    Map<String, AttributeValue> map = new LinkedHashMap<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      p.nextToken();
      map.put(name, value(p));
    }
    return map;
  }

  /** The parser on the START_OBJECT of a tagged value; left on its END_OBJECT. */
  private AttributeValue value(JsonParser p) throws IOException {
    p.nextToken();
    String tag = p.currentName();
    p.nextToken();
    AttributeValue v =
        switch (tag.length()) {
          case 1 ->
              switch (tag.charAt(0)) {
                case 's', 'S' -> values.s(p.getText());
                case 'n', 'N' -> values.n(p.getText());
                case 'b', 'B' ->
                    values.b(SdkBytes.fromByteArrayUnsafe(p.getBinaryValue(Base64Variants.MIME)));
                case 'm', 'M' -> values.m(fields(p));
                default -> values.l(list(p));
              };
          case 2 ->
              switch (tag.charAt(0)) {
                case 's', 'S' -> values.ss(strings(p));
                case 'n', 'N' -> values.ns(strings(p));
                default -> values.bs(binaries(p));
              };
          default ->
              tag.charAt(0) == 'b' || tag.charAt(0) == 'B'
                  ? AttributeValue.fromBool(p.currentToken() == JsonToken.VALUE_TRUE)
                  : AttributeValue.fromNul(true);
        };
    p.nextToken();
    return v;
  }

  private List<AttributeValue> list(JsonParser p) throws IOException {
    List<AttributeValue> list = new ArrayList<>();
    while (p.nextToken() != JsonToken.END_ARRAY) {
      list.add(value(p));
    }
    return list;
  }

  private static List<String> strings(JsonParser p) throws IOException {
    List<String> list = new ArrayList<>();
    while (p.nextToken() != JsonToken.END_ARRAY) {
      list.add(p.getText());
    }
    return list;
  }

  private static List<SdkBytes> binaries(JsonParser p) throws IOException {
    List<SdkBytes> list = new ArrayList<>();
    while (p.nextToken() != JsonToken.END_ARRAY) {
      list.add(SdkBytes.fromByteArrayUnsafe(p.getBinaryValue(Base64Variants.MIME)));
    }
    return list;
  }
}
