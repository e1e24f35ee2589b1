package io.ddbio.testkit.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/** Sends each request the way its operation is metered, or straight through if it is not. */
final class Router {
  private final Forwarder forwarder;
  private final SingleTableMetering singleTable;
  private final BatchGetMetering batchGet;
  private final BatchWriteMetering batchWrite;
  private final SharedTables shared;

  Router(MeteredTables tables, SharedTables shared, Forwarder forwarder) {
    this.shared = shared;
    ConsumedCapacityRelay relay = new ConsumedCapacityRelay(forwarder);
    this.forwarder = forwarder;
    this.singleTable = new SingleTableMetering(tables, relay, forwarder);
    this.batchGet = new BatchGetMetering(tables, relay, forwarder);
    this.batchWrite = new BatchWriteMetering(tables, forwarder);
  }

  /**
   * The answer to the request: DynamoDB Local's, adjusted, or a refusal for lack of capacity.
   *
   * @throws IOException if DynamoDB Local cannot be reached or answers something unreadable
   */
  Answer answer(Request request) throws IOException {
    SharedTables.Rewrite rewrite = shared.inbound(request);
    return rewrite.outbound(metered(rewrite.request()));
  }

  private Answer metered(Request request) throws IOException {
    OperationKind kind = OperationKind.ofTarget(request.target());
    if (kind == OperationKind.UNMETERED) {
      return forwarder.forward(request);
    }
    ObjectNode json;
    try {
      json = JsonBodies.readObject(request.body());
    } catch (IOException e) {
      // Not JSON: DynamoDB Local says what is wrong with it.
      return forwarder.forward(request);
    }
    return switch (kind) {
      case READ -> singleTable.handle(request, json, true);
      case WRITE -> singleTable.handle(request, json, false);
      case BATCH_READ -> batchGet.handle(request, json);
      case BATCH_WRITE -> batchWrite.handle(request, json);
      case UNMETERED -> forwarder.forward(request);
    };
  }
}
