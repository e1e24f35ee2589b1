package io.ddbio.testkit.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Meters BatchGetItem: refused with {@code ProvisionedThroughputExceededException} when any table
 * it reads is in debt, else forwarded whole and each table's read bucket charged with what DynamoDB
 * Local reports for it. (The real service would rather return the keys of the tables out of
 * capacity in {@code UnprocessedKeys}; the library does not use BatchGetItem, so the emulator keeps
 * to the simpler answer.)
 */
record BatchGetMetering(MeteredTables tables, ConsumedCapacityRelay relay, Forwarder forwarder) {

  /**
   * Answers one BatchGetItem request.
   *
   * @param json the request's body, which this method may change
   */
  Answer handle(Request request, ObjectNode json) throws IOException {
    JsonNode requestItems = json.path("RequestItems");
    if (!requestItems.isObject() || requestItems.isEmpty()) {
      return forwarder.forward(request);
    }
    long now = tables.now();
    Map<String, MeteredTable> named = new LinkedHashMap<>();
    requestItems.fieldNames().forEachRemaining(name -> named.put(name, tables.get(name)));
    named.values().forEach(table -> table.meter().request(now));
    boolean refused = false;
    for (MeteredTable table : named.values()) {
      TokenBucket bucket = table.read();
      if (bucket != null && !bucket.tryTake(0, now)) {
        table.meter().throttled(now);
        refused = true;
      }
    }
    if (refused) {
      return ErrorAnswers.throughputExceeded();
    }
    ConsumedCapacityRelay.Relayed relayed = relay.relay(request, json);
    long later = tables.now();
    named.forEach(
        (name, table) -> {
          double units = relayed.unitsByTable().getOrDefault(name, 0.0);
          TokenBucket bucket = table.read();
          if (bucket != null) {
            bucket.charge(units, later);
          }
          table.meter().consumedRead(units, later);
        });
    return relayed.answer();
  }
}
