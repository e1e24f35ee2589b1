package io.ddbio.testkit.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Map;

/**
 * Meters the operations on one table: GetItem, Query and Scan charge its read bucket; PutItem,
 * UpdateItem and DeleteItem its write bucket. A table in debt gets {@code
 * ProvisionedThroughputExceededException}; otherwise the request is forwarded and the bucket
 * charged with what DynamoDB Local reports.
 */
record SingleTableMetering(MeteredTables tables, ConsumedCapacityRelay relay, Forwarder forwarder) {

  /**
   * Answers one request.
   *
   * @param json the request's body, which this method may change
   * @param read whether the operation reads (else it writes)
   */
  Answer handle(Request request, ObjectNode json, boolean read) throws IOException {
    JsonNode name = json.path("TableName");
    if (!name.isTextual()) {
      // DynamoDB Local says what is wrong with the request.
      return forwarder.forward(request);
    }
    MeteredTable table = tables.get(name.asText());
    TableMeter meter = table.meter();
    long now = tables.now();
    meter.request(now);
    TokenBucket bucket = read ? table.read() : table.write();
    // A write's cost is taken up front when it can be estimated, so that concurrent writes do not
    // all pass on the same balance; a read's cost is not known until DynamoDB Local reports it.
    double advance = read ? 0 : estimatedWrite(json);
    if (bucket != null && !bucket.tryTake(advance, now)) {
      meter.throttled(now);
      return ErrorAnswers.throughputExceeded();
    }
    Map<String, Double> units = Map.of();
    try {
      ConsumedCapacityRelay.Relayed relayed = relay.relay(request, json);
      units = relayed.unitsByTable();
      return relayed.answer();
    } finally {
      double consumed = units.values().stream().mapToDouble(Double::doubleValue).sum();
      long later = tables.now();
      if (bucket != null) {
        bucket.charge(consumed - advance, later);
      }
      if (read) {
        meter.consumedRead(consumed, later);
      } else {
        meter.consumedWrite(consumed, later);
      }
    }
  }

  private static double estimatedWrite(ObjectNode json) {
    JsonNode item = json.path("Item");
    return item.isObject() ? WriteCost.ofItem(item) : 1;
  }
}
