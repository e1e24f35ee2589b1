package io.ddbio.importer.reject;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * One bad record as it is set aside: one JSON object per line, {@code
 * {"file":…,"line":…,"reason":…,"text":…}}. The original line is kept whole: as {@code text} when
 * it is UTF-8, else as {@code base64} of its bytes, so that nothing is lost in the rejects either.
 *
 * @param file the data file's URL
 * @param line the line's number in the file, from 1
 * @param reason why it was set aside, as the job would have failed with
 * @param text the line without its terminator, when it is valid UTF-8; otherwise null
 * @param base64 the line's bytes in base64, when it is not valid UTF-8; otherwise null
 */
@JsonPropertyOrder({"file", "line", "reason", "text", "base64"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Reject(String file, long line, String reason, String text, String base64) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The reject of a line given as bytes. */
  static Reject of(String file, long line, String reason, byte[] bytes, int length) {
    try {
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes, 0, length))
              .toString();
      return new Reject(file, line, reason, text, null);
    } catch (CharacterCodingException e) {
      return new Reject(
          file,
          line,
          reason,
          null,
          Base64.getEncoder().encodeToString(Arrays.copyOf(bytes, length)));
    }
  }

  /** The line's bytes as they were in the data file. */
  public byte[] bytes() {
    return text != null
        ? text.getBytes(StandardCharsets.UTF_8)
        : Base64.getDecoder().decode(base64);
  }

  /** This reject as one line of JSON, without a terminator. */
  byte[] toJson() throws JsonProcessingException {
    return JSON.writeValueAsBytes(this);
  }

  /**
   * Reads a line of a rejects file.
   *
   * @throws IOException when it is not a reject
   */
  public static Reject parse(String json) throws IOException {
    return JSON.readValue(json, Reject.class);
  }
}
