package io.ddbio.testkit.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Meters BatchWriteItem as the real service behaves under load: of each table's write requests,
 * only the leading ones its write bucket affords are forwarded, and the rest come back in {@code
 * UnprocessedItems}, merged into DynamoDB Local's answer. When no request at all fits, the answer
 * is {@code ProvisionedThroughputExceededException}.
 *
 * <p>Each request's cost is estimated before it is sent ({@link WriteCost}) and taken from the
 * bucket; once DynamoDB Local has answered, the bucket is charged the difference between what it
 * reports and the estimate.
 */
final class BatchWriteMetering {
  private static final String REQUEST_ITEMS = "RequestItems";
  private static final String UNPROCESSED_ITEMS = "UnprocessedItems";

  /**
   * One table's part of a batch.
   *
   * @param bucket its write bucket as it was when the batch came in, or null for unlimited
   * @param advance the estimated units taken from the bucket for the requests sent
   */
  private record Share(MeteredTable table, TokenBucket bucket, double advance) {}

  private final MeteredTables tables;
  private final Forwarder forwarder;

  BatchWriteMetering(MeteredTables tables, Forwarder forwarder) {
    this.tables = tables;
    this.forwarder = forwarder;
  }

  /**
   * Answers one BatchWriteItem request.
   *
   * @param json the request's body, which this method changes
   */
  Answer handle(Request request, ObjectNode json) throws IOException {
    if (!wellFormed(json.path(REQUEST_ITEMS))) {
      // DynamoDB Local says what is wrong with the request.
      return forwarder.forward(request);
    }
    long now = tables.now();
    ObjectNode sent = JsonBodies.MAPPER.createObjectNode();
    ObjectNode unprocessed = JsonBodies.MAPPER.createObjectNode();
    Map<String, Share> shares = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = json.get(REQUEST_ITEMS).fields();
        it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      ArrayNode writes = (ArrayNode) entry.getValue();
      MeteredTable table = tables.get(entry.getKey());
      table.meter().request(now);
      TokenBucket bucket = table.write();
      int count = writes.size();
      double advance = 0;
      if (bucket != null) {
        double[] costs = costs(writes);
        count = bucket.takeLeading(costs, now);
        for (int i = 0; i < count; i++) {
          advance += costs[i];
        }
      }
      shares.put(entry.getKey(), new Share(table, bucket, advance));
      if (count > 0) {
        sent.set(entry.getKey(), slice(writes, 0, count));
      }
      if (count < writes.size()) {
        unprocessed.set(entry.getKey(), slice(writes, count, writes.size()));
      }
    }
    if (sent.isEmpty()) {
      // Nothing taken from any bucket, so nothing to give back.
      shares.values().forEach(share -> share.table().meter().throttled(now));
      return ErrorAnswers.throughputExceeded();
    }

    json.set(REQUEST_ITEMS, sent);
    boolean requested = ConsumedCapacityJson.requested(json);
    ConsumedCapacityJson.requestTotal(json);
    Map<String, Double> units = Map.of();
    try {
      Answer answer = forwarder.forward(request.withBody(JsonBodies.write(json)));
      if (!answer.ok()) {
        return answer;
      }
      ObjectNode body = JsonBodies.readObject(answer.body());
      units = ConsumedCapacityJson.unitsByTable(body);
      mergeUnprocessed(body, unprocessed);
      if (unprocessed.isEmpty() && requested) {
        return answer;
      }
      if (!requested) {
        body.remove(ConsumedCapacityJson.CONSUMED_CAPACITY);
      }
      return answer.withBody(JsonBodies.write(body));
    } finally {
      settle(shares, units);
    }
  }

  /** Whether every table names a non-empty list of requests; else DynamoDB Local rejects it. */
  private static boolean wellFormed(JsonNode requestItems) {
    if (!requestItems.isObject() || requestItems.isEmpty()) {
      return false;
    }
    for (JsonNode writes : requestItems) {
      if (!writes.isArray() || writes.isEmpty()) {
        return false;
      }
      for (JsonNode write : writes) {
        if (!write.isObject()) {
          return false;
        }
      }
    }
    return true;
  }

  private static double[] costs(ArrayNode writes) {
    double[] costs = new double[writes.size()];
    for (int i = 0; i < costs.length; i++) {
      costs[i] = WriteCost.ofWriteRequest(writes.get(i));
    }
    return costs;
  }

  private static ArrayNode slice(ArrayNode writes, int from, int to) {
    ArrayNode part = JsonBodies.MAPPER.createArrayNode();
    for (int i = from; i < to; i++) {
      part.add(writes.get(i));
    }
    return part;
  }

  /**
   * Adds the requests held back to DynamoDB Local's own {@code UnprocessedItems}, after any it
   * returned for the same table (those were sent, so they came first), and counts them all.
   */
  private void mergeUnprocessed(ObjectNode answer, ObjectNode heldBack) {
    JsonNode existing = answer.get(UNPROCESSED_ITEMS);
    ObjectNode merged =
        existing instanceof ObjectNode object ? object : answer.putObject(UNPROCESSED_ITEMS);
    heldBack
        .fields()
        .forEachRemaining(
            entry -> {
              JsonNode returned = merged.get(entry.getKey());
              ArrayNode writes =
                  returned instanceof ArrayNode array ? array : merged.putArray(entry.getKey());
              writes.addAll((ArrayNode) entry.getValue());
            });
    long now = tables.now();
    merged
        .fields()
        .forEachRemaining(
            entry -> tables.get(entry.getKey()).meter().unprocessed(entry.getValue().size(), now));
  }

  /**
   * Charges each bucket what DynamoDB Local reports beyond the estimate, or gives back the rest.
   */
  private void settle(Map<String, Share> shares, Map<String, Double> units) {
    long later = tables.now();
    shares.forEach(
        (name, share) -> {
          double consumed = units.getOrDefault(name, 0.0);
          if (share.bucket() != null) {
            share.bucket().charge(consumed - share.advance(), later);
          }
          share.table().meter().consumedWrite(consumed, later);
        });
  }
}
