package io.ddbio.write;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntUnaryOperator;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * A unit-level fake of BatchWriteItem on one table with key {@code pk}: applies requests in order,
 * and, as a busy table does, may hand back the tail of a batch as UnprocessedItems. It checks what
 * the real service checks about a batch: at most 25 requests and no key twice.
 */
final class FakeBatchTable implements DynamoDbClient {
  /** Items by key: the {@code pk} value, or for a number its value as a {@link BigDecimal}. */
  final Map<Object, Map<String, AttributeValue>> rows = new LinkedHashMap<>();

  final List<Integer> batchSizes = new ArrayList<>();
  private final String table;

  /** Call number to how many requests of that call to leave unprocessed. */
  private final IntUnaryOperator unprocessedPerCall;

  private int calls;

  /** The table UnprocessedItems are keyed by; the table sent, unless a test says otherwise. */
  String unprocessedKey;

  FakeBatchTable(String table, IntUnaryOperator unprocessedPerCall) {
    this.table = table;
    this.unprocessedPerCall = unprocessedPerCall;
    this.unprocessedKey = table;
  }

  @Override
  public BatchWriteItemResponse batchWriteItem(BatchWriteItemRequest request) {
    List<WriteRequest> requests = request.requestItems().get(table);
    if (requests.size() > 25) {
      throw new IllegalStateException("batch of " + requests.size());
    }
    long distinct = requests.stream().map(FakeBatchTable::keyOf).distinct().count();
    if (distinct != requests.size()) {
      throw new IllegalStateException("duplicate key in one batch");
    }
    batchSizes.add(requests.size());
    int leave = Math.min(requests.size(), unprocessedPerCall.applyAsInt(calls++));
    int apply = requests.size() - leave;
    for (WriteRequest r : requests.subList(0, apply)) {
      if (r.putRequest() != null) {
        rows.put(keyOf(r), r.putRequest().item());
      } else {
        rows.remove(keyOf(r));
      }
    }
    BatchWriteItemResponse.Builder response =
        BatchWriteItemResponse.builder()
            .consumedCapacity(
                ConsumedCapacity.builder().tableName(table).capacityUnits((double) apply).build());
    if (leave > 0) {
      response.unprocessedItems(
          Map.of(unprocessedKey, List.copyOf(requests.subList(apply, requests.size()))));
    }
    return response.build();
  }

  /** The key as the service compares it: a number by its value, so 1 and 1.0 are one key. */
  private static Object keyOf(WriteRequest r) {
    AttributeValue pk =
        r.putRequest() != null
            ? r.putRequest().item().get("pk")
            : r.deleteRequest().key().get("pk");
    return pk.n() != null ? new BigDecimal(pk.n()).stripTrailingZeros() : pk;
  }

  int calls() {
    return calls;
  }

  @Override
  public String serviceName() {
    return "dynamodb";
  }

  @Override
  public void close() {}
}
