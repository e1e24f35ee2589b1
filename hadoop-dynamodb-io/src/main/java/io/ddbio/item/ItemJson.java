package io.ddbio.item;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The one Jackson factory of the codecs and the steps every JSON line goes through. */
final class ItemJson {
  /**
   * Longest attribute name accepted. DynamoDB allows names up to 64 KB; Jackson's default limit is
   * lower, so the bound is raised to cover every name DynamoDB can hold.
   */
  private static final int MAX_NAME_CHARS = 65_536;

  /**
   * Thread-safe once built. Attribute names are not interned: nothing compares them by identity,
   * and interning every distinct name of a large export costs more than it saves. The generator
   * leaves the caller's stream open and unflushed (a record writer flushes when it chooses), writes
   * characters outside the BMP as plain UTF-8 rather than escaped surrogate pairs, and leaves
   * {@code /} alone.
   */
  static final JsonFactory FACTORY =
      JsonFactory.builder()
          .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
          .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
          .disable(StreamWriteFeature.FLUSH_PASSED_TO_STREAM)
          .disable(StreamWriteFeature.AUTO_CLOSE_CONTENT)
          .disable(JsonWriteFeature.ESCAPE_FORWARD_SLASHES)
          .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
          .streamReadConstraints(
              StreamReadConstraints.builder().maxNameLength(MAX_NAME_CHARS).build())
          .build();

  private ItemJson() {}

  /** Opens a parser over {@code [from, to)} of {@code buf}. */
  static JsonParser parser(byte[] buf, int from, int to) throws IOException {
    return FACTORY.createParser(buf, from, to - from);
  }

  /** Reads a line holding one JSON object of attributes and nothing else. */
  static Map<String, AttributeValue> readItem(byte[] buf, int from, int to) {
    int firstByte = Lines.firstNonBlank(buf, from, to);
    if (firstByte != '{') {
      throw new BadValue(
          firstByte < 0 ? "blank line (no item)" : "the line does not start with a JSON object");
    }
    try (JsonParser p = parser(buf, from, to);
        ReadScratch scratch = ReadScratch.forLine()) {
      JsonToken first = ItemReader.next(p);
      if (first != JsonToken.START_OBJECT) {
        throw new BadValue("expected a JSON object, found " + ItemReader.describe(first));
      }
      Map<String, AttributeValue> item = ItemReader.readMap(p, true, scratch);
      expectEnd(p, "item");
      return item;
    } catch (IOException e) {
      throw new BadValue("unreadable JSON: " + e.getMessage(), e);
    }
  }

  /** Reads {@code [from, to)} as one type-tagged value and nothing else. */
  static AttributeValue readValue(byte[] buf, int from, int to) {
    try (JsonParser p = parser(buf, from, to);
        ReadScratch scratch = ReadScratch.forLine()) {
      ItemReader.next(p);
      AttributeValue value = ItemReader.readValue(p, scratch);
      expectEnd(p, "value");
      return value;
    } catch (IOException e) {
      throw new BadValue("unreadable JSON: " + e.getMessage(), e);
    }
  }

  /** Fails unless the parser, having read a complete {@code what}, is at the end of its input. */
  static void expectEnd(JsonParser p, String what) throws IOException {
    JsonToken after;
    try {
      after = ItemReader.next(p);
    } catch (BadValue e) {
      throw new BadValue("unexpected data after the end of the " + what, e.getCause());
    }
    if (after != null) {
      throw new BadValue(
          "unexpected data after the end of the " + what + ": " + ItemReader.describe(after));
    }
  }

  /** Writes one item as a JSON object to {@code out}; see the codecs for the failure contract. */
  static void write(Map<String, AttributeValue> item, OutputStream out, TypeTag.Spelling spelling)
      throws IOException {
    writeWrapped(null, item, out, spelling);
  }

  /**
   * Writes one item as a JSON object, inside <code>{"wrapper":…}</code> unless {@code wrapper} is
   * null.
   */
  static void writeWrapped(
      String wrapper, Map<String, AttributeValue> item, OutputStream out, TypeTag.Spelling spelling)
      throws IOException {
    try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
      if (wrapper != null) {
        g.writeStartObject();
        g.writeFieldName(wrapper);
      }
      ItemWriter.writeMap(g, item, spelling, true);
      if (wrapper != null) {
        g.writeEndObject();
      }
    } catch (BadValue e) {
      throw e.toException();
    }
  }

  /** Writes one item as a JSON object to a new array. */
  static byte[] toBytes(Map<String, AttributeValue> item, TypeTag.Spelling spelling) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
    try {
      write(item, bytes, spelling);
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory failed", e);
    }
    return bytes.toByteArray();
  }
}
