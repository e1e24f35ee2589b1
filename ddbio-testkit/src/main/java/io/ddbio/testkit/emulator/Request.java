package io.ddbio.testkit.emulator;

import java.util.List;
import java.util.Map;

/**
 * A request as the emulator received it, ready to forward to DynamoDB Local, perhaps with another
 * body. DynamoDB Local does not check signatures, so a rewritten body is accepted although the
 * client's signature no longer matches it.
 *
 * @param method the HTTP method
 * @param pathAndQuery the request target, {@code /} for DynamoDB
 * @param headers the headers to forward, by name
 * @param body the body
 * @param target the {@code X-Amz-Target} header, or null
 */
record Request(
    String method,
    String pathAndQuery,
    Map<String, List<String>> headers,
    byte[] body,
    String target) {

  /** This request with another body. */
  Request withBody(byte[] newBody) {
    return new Request(method, pathAndQuery, headers, newBody, target);
  }
}
