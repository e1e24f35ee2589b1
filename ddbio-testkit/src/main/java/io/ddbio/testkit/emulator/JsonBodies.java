package io.ddbio.testkit.emulator;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/** Reads and writes the JSON bodies of DynamoDB's protocol as trees. */
final class JsonBodies {
  /**
   * Floats are kept as decimals with their trailing zeros, so that a body read and written back
   * says {@code 3.0} or {@code 1795483904.353} exactly as DynamoDB Local wrote it.
   */
  static final JsonMapper MAPPER =
      JsonMapper.builder()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
          .build();

  /** The streaming factory behind {@link #MAPPER}, for bodies read without a tree. */
  static final JsonFactory FACTORY = MAPPER.getFactory();

  private JsonBodies() {}

  /**
   * The body as a JSON object.
   *
   * @throws IOException if the body is not JSON or not an object
   */
  static ObjectNode readObject(byte[] body) throws IOException {
    JsonNode node = MAPPER.readTree(body);
    if (node instanceof ObjectNode object) {
      return object;
    }
    throw new IOException("The body is not a JSON object");
  }

  static byte[] write(JsonNode node) throws IOException {
    return MAPPER.writeValueAsBytes(node);
  }
}
