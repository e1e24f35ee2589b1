package io.ddbio.testkit.emulator;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code ReturnConsumedCapacity} parameter of requests and the {@code ConsumedCapacity} member
 * of answers: one object for single-table operations, a list of per-table objects for batches.
 *
 * <p>Answers are read with the streaming parser, skipping everything else: a Scan page of a
 * megabyte is not built into a tree just to read the few bytes at its end.
 */
final class ConsumedCapacityJson {
  static final String RETURN_CONSUMED_CAPACITY = "ReturnConsumedCapacity";
  static final String CONSUMED_CAPACITY = "ConsumedCapacity";
  private static final String TABLE_NAME = "TableName";
  private static final String CAPACITY_UNITS = "CapacityUnits";

  private ConsumedCapacityJson() {}

  /** Whether the client asked for consumed capacity ({@code TOTAL} or {@code INDEXES}). */
  static boolean requested(ObjectNode request) {
    String value = request.path(RETURN_CONSUMED_CAPACITY).asText("");
    return value.equals("TOTAL") || value.equals("INDEXES");
  }

  /** Asks for the total consumed capacity, replacing whatever the client asked. */
  static void requestTotal(ObjectNode request) {
    request.put(RETURN_CONSUMED_CAPACITY, "TOTAL");
  }

  /**
   * The capacity units an answer reports, by table.
   *
   * @throws IOException if the body is not valid JSON
   */
  static Map<String, Double> unitsByTable(byte[] answer) throws IOException {
    Map<String, Double> units = new HashMap<>();
    try (JsonParser parser = JsonBodies.FACTORY.createParser(answer)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return units;
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        JsonToken value = parser.nextToken();
        if (!CONSUMED_CAPACITY.equals(name)) {
          parser.skipChildren();
        } else if (value == JsonToken.START_OBJECT) {
          readEntry(parser, units);
        } else if (value == JsonToken.START_ARRAY) {
          while (parser.nextToken() == JsonToken.START_OBJECT) {
            readEntry(parser, units);
          }
        }
      }
    }
    return units;
  }

  /** Reads one {@code {"TableName":…,"CapacityUnits":…}} object, the parser on its start. */
  private static void readEntry(JsonParser parser, Map<String, Double> units) throws IOException {
    String table = null;
    double capacityUnits = 0;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      JsonToken value = parser.nextToken();
      if (TABLE_NAME.equals(name) && value == JsonToken.VALUE_STRING) {
        table = parser.getText();
      } else if (CAPACITY_UNITS.equals(name) && value.isNumeric()) {
        capacityUnits = parser.getDoubleValue();
      } else {
        parser.skipChildren();
      }
    }
    if (table != null) {
      units.merge(table, capacityUnits, Double::sum);
    }
  }

  /** The capacity units an answer already read as a tree reports, by table. */
  static Map<String, Double> unitsByTable(ObjectNode answer) {
    Map<String, Double> units = new HashMap<>();
    JsonNode consumed = answer.path(CONSUMED_CAPACITY);
    Iterable<JsonNode> entries = consumed.isArray() ? consumed : List.of(consumed);
    for (JsonNode entry : entries) {
      JsonNode table = entry.path(TABLE_NAME);
      if (table.isTextual()) {
        units.merge(table.asText(), entry.path(CAPACITY_UNITS).asDouble(0), Double::sum);
      }
    }
    return units;
  }

  /**
   * The answer without its top-level {@code ConsumedCapacity}, everything else as it was, numbers
   * included.
   *
   * @throws IOException if the body is not a JSON object
   */
  static byte[] withoutConsumedCapacity(byte[] answer) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(answer.length);
    try (JsonParser parser = JsonBodies.FACTORY.createParser(answer);
        JsonGenerator generator = JsonBodies.FACTORY.createGenerator(out)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new IOException("The answer is not a JSON object");
      }
      generator.writeStartObject();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        parser.nextToken();
        if (CONSUMED_CAPACITY.equals(name)) {
          parser.skipChildren();
        } else {
          generator.writeFieldName(name);
          copyExactly(parser, generator);
        }
      }
      generator.writeEndObject();
    }
    return out.toByteArray();
  }

  /**
   * Copies the value the parser is on. Unlike {@link JsonGenerator#copyCurrentStructure}, numbers
   * keep their text: a float is not turned into {@code 1.795483904353E9}.
   */
  private static void copyExactly(JsonParser parser, JsonGenerator generator) throws IOException {
    int depth = 0;
    do {
      JsonToken token = parser.currentToken();
      if (token.isNumeric()) {
        generator.writeNumber(parser.getText());
      } else {
        generator.copyCurrentEvent(parser);
      }
      if (token.isStructStart()) {
        depth++;
      } else if (token.isStructEnd()) {
        depth--;
      }
    } while (depth > 0 && parser.nextToken() != null);
  }
}
