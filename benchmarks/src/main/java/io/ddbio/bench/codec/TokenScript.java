package io.ddbio.bench.codec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON token sequence of one encoded line, recorded once so that the encode yardstick can
 * replay it into a bare {@link JsonGenerator}: the same objects, arrays, field names, strings and
 * booleans our codec writes, with none of its type logic (no walk over {@code AttributeValue}s, no
 * tag choice, no checks, no base64: binary values are replayed as the strings they became).
 */
public final class TokenScript {
  private static final byte START_OBJECT = 0;
  private static final byte END_OBJECT = 1;
  private static final byte START_ARRAY = 2;
  private static final byte END_ARRAY = 3;
  private static final byte FIELD_NAME = 4;
  private static final byte STRING = 5;
  private static final byte TRUE = 6;
  private static final byte FALSE = 7;

  private final byte[] ops;
  private final String[] texts;

  private TokenScript(byte[] ops, String[] texts) {
    this.ops = ops;
    this.texts = texts;
  }

  /**
   * Records the tokens of one line.
   *
   * @throws IllegalArgumentException if the line holds a token our codecs never write (numbers,
   *     null)
   */
  public static TokenScript record(JsonFactory factory, byte[] buf, int off, int len) {
    List<Byte> ops = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    try (JsonParser p = factory.createParser(buf, off, len)) {
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        byte op =
            switch (t) {
              case START_OBJECT -> START_OBJECT;
              case END_OBJECT -> END_OBJECT;
              case START_ARRAY -> START_ARRAY;
              case END_ARRAY -> END_ARRAY;
              case FIELD_NAME -> FIELD_NAME;
              case VALUE_STRING -> STRING;
              case VALUE_TRUE -> TRUE;
              case VALUE_FALSE -> FALSE;
              default -> throw new IllegalArgumentException("unexpected token " + t);
            };
        ops.add(op);
        texts.add(op == FIELD_NAME || op == STRING ? p.getText() : null);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("recording a line the codec wrote", e);
    }
    byte[] opArray = new byte[ops.size()];
    for (int i = 0; i < opArray.length; i++) {
      opArray[i] = ops.get(i);
    }
    return new TokenScript(opArray, texts.toArray(new String[0]));
  }

  /** Writes the recorded tokens to {@code g}, one generator call per token. */
  public void replay(JsonGenerator g) throws IOException {
    byte[] ops = this.ops;
    String[] texts = this.texts;
    for (int i = 0; i < ops.length; i++) {
      switch (ops[i]) {
        case START_OBJECT -> g.writeStartObject();
        case END_OBJECT -> g.writeEndObject();
        case START_ARRAY -> g.writeStartArray();
        case END_ARRAY -> g.writeEndArray();
        case FIELD_NAME -> g.writeFieldName(texts[i]);
        case STRING -> g.writeString(texts[i]);
        case TRUE -> g.writeBoolean(true);
        default -> g.writeBoolean(false);
      }
    }
  }

  /** How many tokens. */
  public int tokens() {
    return ops.length;
  }
}
