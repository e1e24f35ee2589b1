package io.ddbio.testkit.emulator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * An HTTP answer to relay to the client: DynamoDB Local's, perhaps with a rewritten body, or one
 * the emulator makes up.
 *
 * @param status the HTTP status
 * @param headers the headers to send, by lower-case name
 * @param body the body
 */
record Answer(int status, Map<String, List<String>> headers, byte[] body) {
  /** The header carrying the CRC32 of the body, which the SDK checks for DynamoDB. */
  static final String CRC32_HEADER = "x-amz-crc32";

  /** Whether DynamoDB answered the request (HTTP 200) rather than refused it. */
  boolean ok() {
    return status == 200;
  }

  /** This answer with another body, and the checksum header recomputed for it. */
  Answer withBody(byte[] newBody) {
    Map<String, List<String>> newHeaders = new LinkedHashMap<>(headers);
    newHeaders.put(CRC32_HEADER, List.of(crc32(newBody)));
    return new Answer(status, newHeaders, newBody);
  }

  /** The CRC32 of the bytes as DynamoDB writes it: an unsigned decimal. */
  static String crc32(byte[] bytes) {
    CRC32 crc = new CRC32();
    crc.update(bytes);
    return Long.toString(crc.getValue());
  }

  /** An answer with a JSON body and its checksum, plus the given headers. */
  static Answer json(int status, Map<String, String> extraHeaders, byte[] body) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    headers.put("content-type", List.of("application/x-amz-json-1.0"));
    extraHeaders.forEach((name, value) -> headers.put(name, List.of(value)));
    headers.put(CRC32_HEADER, List.of(crc32(body)));
    return new Answer(status, headers, body);
  }
}
