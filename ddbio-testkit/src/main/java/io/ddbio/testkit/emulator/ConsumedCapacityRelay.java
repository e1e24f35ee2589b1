package io.ddbio.testkit.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Map;

/**
 * Forwards a request so that DynamoDB Local reports the capacity it consumes, and hands the client
 * the answer it asked for: with {@code ConsumedCapacity} if it asked for it, without if it did not.
 */
final class ConsumedCapacityRelay {
  /**
   * What came back.
   *
   * @param answer the answer for the client
   * @param unitsByTable the capacity units DynamoDB Local reported, by table; empty for an error
   */
  record Relayed(Answer answer, Map<String, Double> unitsByTable) {}

  private final Forwarder forwarder;

  ConsumedCapacityRelay(Forwarder forwarder) {
    this.forwarder = forwarder;
  }

  /**
   * Forwards the request, its body asking for the total consumed capacity.
   *
   * @param request the request as received
   * @param json its body, which this method may change
   */
  Relayed relay(Request request, ObjectNode json) throws IOException {
    boolean requested = ConsumedCapacityJson.requested(json);
    Request sent = request;
    if (!requested) {
      ConsumedCapacityJson.requestTotal(json);
      sent = request.withBody(JsonBodies.write(json));
    }
    Answer answer = forwarder.forward(sent);
    if (!answer.ok()) {
      return new Relayed(answer, Map.of());
    }
    Map<String, Double> units = ConsumedCapacityJson.unitsByTable(answer.body());
    if (requested) {
      return new Relayed(answer, units);
    }
    return new Relayed(
        answer.withBody(ConsumedCapacityJson.withoutConsumedCapacity(answer.body())), units);
  }
}
