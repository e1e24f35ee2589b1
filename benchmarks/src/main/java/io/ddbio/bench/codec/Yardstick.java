package io.ddbio.bench.codec;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import java.io.IOException;
import java.io.OutputStream;

/**
 * What Jackson alone costs on the corpus bytes: the floor any JSON codec built on it can approach.
 *
 * <p>The factory is configured exactly as the codecs' own (no name interning, generator leaves the
 * stream open and unflushed, astral characters written as UTF-8, {@code /} not escaped, long names
 * allowed), so that the only difference measured is our code.
 */
public final class Yardstick {
  /** One factory, reused for every line, as the codecs reuse theirs. */
  public static final JsonFactory FACTORY =
      JsonFactory.builder()
          .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
          .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
          .disable(StreamWriteFeature.FLUSH_PASSED_TO_STREAM)
          .disable(StreamWriteFeature.AUTO_CLOSE_CONTENT)
          .disable(JsonWriteFeature.ESCAPE_FORWARD_SLASHES)
          .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
          .streamReadConstraints(StreamReadConstraints.builder().maxNameLength(65_536).build())
          .build();

  private Yardstick() {}

  /**
   * The decode yardstick: opens a parser on the line and calls {@code nextToken()} until the end.
   * Field names are decoded (Jackson always does); string values are only scanned past, never
   * turned into {@code String}s.
   *
   * @return the number of tokens, so the work cannot be optimised away
   */
  public static int tokenize(byte[] buf, int off, int len) throws IOException {
    int tokens = 0;
    try (JsonParser p = FACTORY.createParser(buf, off, len)) {
      while (p.nextToken() != null) {
        tokens++;
      }
    }
    return tokens;
  }

  /**
   * A stricter reference than {@link #tokenize} (for explaining, not the target): also turns every
   * string value into a {@code String}, which any decoder producing SDK items must do.
   *
   * @return a sum over the strings' lengths, so the work cannot be optimised away
   */
  public static int tokenizeAndReadStrings(byte[] buf, int off, int len) throws IOException {
    int sum = 0;
    try (JsonParser p = FACTORY.createParser(buf, off, len)) {
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        if (t == JsonToken.VALUE_STRING) {
          sum += p.getText().length();
        }
      }
    }
    return sum;
  }

  /**
   * The encode yardstick: opens a generator on {@code out}, replays the line's tokens, closes it.
   */
  public static void write(TokenScript script, OutputStream out) throws IOException {
    try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
      script.replay(g);
    }
  }
}
