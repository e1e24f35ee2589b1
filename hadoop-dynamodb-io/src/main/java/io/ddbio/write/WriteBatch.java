package io.ddbio.write;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The requests of one BatchWriteItem being gathered: at most {@link #MAX_ITEMS} requests, at most
 * {@link #MAX_BYTES} of items, and never two requests for the same key (DynamoDB rejects such a
 * batch; the caller sends the current batch first so the later write wins, as the order says). Keys
 * are given as {@link ItemKeys#identity} so that keys equal as numbers are the same key.
 */
final class WriteBatch {
  /** DynamoDB's limit of requests in one BatchWriteItem. */
  static final int MAX_ITEMS = 25;

  /** DynamoDB's limit on a BatchWriteItem request's size. */
  static final long MAX_BYTES = 16L * 1024 * 1024;

  private final List<WriteRequest> requests = new ArrayList<>(MAX_ITEMS);
  private final Set<Map<String, AttributeValue>> keys = new HashSet<>();
  private long bytes;
  private double estimatedUnits;

  /** Whether a request for {@code key} of {@code size} bytes fits without sending first. */
  boolean fits(Map<String, AttributeValue> key, long size) {
    return requests.size() < MAX_ITEMS && bytes + size <= MAX_BYTES && !keys.contains(key);
  }

  void add(WriteRequest request, Map<String, AttributeValue> key, long size, double units) {
    requests.add(request);
    keys.add(key);
    bytes += size;
    estimatedUnits += units;
  }

  boolean isEmpty() {
    return requests.isEmpty();
  }

  boolean isFull() {
    return requests.size() >= MAX_ITEMS;
  }

  int size() {
    return requests.size();
  }

  /** Write capacity this batch is expected to cost. */
  double estimatedUnits() {
    return estimatedUnits;
  }

  /** The requests gathered, and empties the batch. */
  List<WriteRequest> drain() {
    List<WriteRequest> out = List.copyOf(requests);
    requests.clear();
    keys.clear();
    bytes = 0;
    estimatedUnits = 0;
    return out;
  }
}
