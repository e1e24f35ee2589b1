package io.ddbio.testkit.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.UUID;

/**
 * The error answers the emulator makes up, in DynamoDB's shape: a JSON body with {@code __type} and
 * {@code message}, and the error code again in {@code x-amzn-ErrorType}. The SDK takes the code
 * from either and maps it to its exception class.
 */
final class ErrorAnswers {
  private static final String TYPE_PREFIX = "com.amazonaws.dynamodb.v20120810#";

  /** DynamoDB's own words. */
  static final String THROUGHPUT_EXCEEDED_MESSAGE =
      "The level of configured provisioned throughput for the table was exceeded. Consider"
          + " increasing your provisioning level with the UpdateTable API.";

  private ErrorAnswers() {}

  /** HTTP 400 {@code ProvisionedThroughputExceededException}. */
  static Answer throughputExceeded() {
    return error(400, "ProvisionedThroughputExceededException", THROUGHPUT_EXCEEDED_MESSAGE);
  }

  /** HTTP 500 {@code InternalServerError}, which the SDK maps to InternalServerErrorException. */
  static Answer internalServerError(String message) {
    return error(500, "InternalServerError", message);
  }

  /** HTTP 503 {@code ServiceUnavailable}, for which the SDK has no class of its own. */
  static Answer serviceUnavailable() {
    return error(
        503,
        "ServiceUnavailable",
        "The service is unavailable (injected by the capacity emulator)");
  }

  private static Answer error(int status, String code, String message) {
    ObjectNode body = JsonBodies.MAPPER.createObjectNode();
    body.put("__type", TYPE_PREFIX + code);
    body.put("message", message);
    try {
      return Answer.json(
          status,
          Map.of("x-amzn-errortype", code, "x-amzn-requestid", UUID.randomUUID().toString()),
          JsonBodies.write(body));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the " + code + " answer", e);
    }
  }
}
