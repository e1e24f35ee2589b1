package io.ddbio.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;
import software.amazon.awssdk.core.waiters.WaiterResponse;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableResponse;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.dynamodb.waiters.DynamoDbWaiter;

/**
 * Table chores for tests against DynamoDB Local: create and wait, fill, read back, delete.
 *
 * <p>These helpers do not retry: DynamoDB Local does not throttle, and a test should see any error
 * at once. They are not the library's batch writer or scanner, which tests exercise on their own.
 */
public final class Tables {
  /** The most items one BatchWriteItem request may carry. */
  static final int BATCH_SIZE = 25;

  /** Items per Scan page; DynamoDB Local pages slowly without a limit. */
  static final int SCAN_PAGE_SIZE = 500;

  /**
   * Resubmissions of unprocessed items before giving up. Resubmitted at once, without backoff: only
   * a throttled service returns unprocessed items, and DynamoDB Local never does.
   */
  static final int MAX_BATCH_ROUNDS = 10;

  private static final WaiterOverrideConfiguration WAIT =
      WaiterOverrideConfiguration.builder()
          .backoffStrategyV2(BackoffStrategy.fixedDelayWithoutJitter(Duration.ofMillis(100)))
          .maxAttempts(600)
          .waitTimeout(Duration.ofSeconds(60))
          .build();

  private Tables() {}

  /**
   * Creates an on-demand table and waits until it is ACTIVE.
   *
   * @param range the sort key, or null for a table with a partition key only
   * @return the table as described once ACTIVE
   */
  public static TableDescription createTable(
      DynamoDbClient client, String table, KeySpec hash, KeySpec range) {
    return create(client, request(table, hash, range).billingMode(BillingMode.PAY_PER_REQUEST));
  }

  /**
   * Creates a table with provisioned capacity and waits until it is ACTIVE.
   *
   * @param range the sort key, or null for a table with a partition key only
   * @param readCapacityUnits provisioned read capacity
   * @param writeCapacityUnits provisioned write capacity
   * @return the table as described once ACTIVE
   */
  public static TableDescription createTable(
      DynamoDbClient client,
      String table,
      KeySpec hash,
      KeySpec range,
      long readCapacityUnits,
      long writeCapacityUnits) {
    return create(
        client,
        request(table, hash, range)
            .billingMode(BillingMode.PROVISIONED)
            .provisionedThroughput(
                t ->
                    t.readCapacityUnits(readCapacityUnits).writeCapacityUnits(writeCapacityUnits)));
  }

  private static CreateTableRequest.Builder request(String table, KeySpec hash, KeySpec range) {
    CreateTableRequest.Builder request = CreateTableRequest.builder().tableName(table);
    if (range == null) {
      return request.keySchema(hash.element(KeyType.HASH)).attributeDefinitions(hash.definition());
    }
    return request
        .keySchema(hash.element(KeyType.HASH), range.element(KeyType.RANGE))
        .attributeDefinitions(hash.definition(), range.definition());
  }

  private static TableDescription create(
      DynamoDbClient client, CreateTableRequest.Builder request) {
    CreateTableRequest built = request.build();
    client.createTable(built);
    try (DynamoDbWaiter waiter = client.waiter()) {
      WaiterResponse<DescribeTableResponse> response =
          waiter.waitUntilTableExists(
              DescribeTableRequest.builder().tableName(built.tableName()).build(), WAIT);
      return response
          .matched()
          .response()
          .map(DescribeTableResponse::table)
          .orElseThrow(
              () ->
                  new IllegalStateException(
                      "Table " + built.tableName() + " did not become ACTIVE",
                      response.matched().exception().orElse(null)));
    }
  }

  /**
   * Writes the items with BatchWriteItem, 25 per request, resubmitting any unprocessed items.
   *
   * @param items items with distinct keys; a request carrying one key twice is rejected
   * @return how many items were written
   * @throws IllegalStateException if items stay unprocessed after {@value #MAX_BATCH_ROUNDS} rounds
   */
  public static long putAll(
      DynamoDbClient client, String table, Iterable<Map<String, AttributeValue>> items) {
    long written = 0;
    List<WriteRequest> batch = new ArrayList<>(BATCH_SIZE);
    for (Map<String, AttributeValue> item : items) {
      batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
      if (batch.size() == BATCH_SIZE) {
        written += writeBatch(client, table, batch);
        batch = new ArrayList<>(BATCH_SIZE);
      }
    }
    if (!batch.isEmpty()) {
      written += writeBatch(client, table, batch);
    }
    return written;
  }

  private static int writeBatch(DynamoDbClient client, String table, List<WriteRequest> batch) {
    List<WriteRequest> pending = batch;
    for (int round = 0; round < MAX_BATCH_ROUNDS && !pending.isEmpty(); round++) {
      Map<String, List<WriteRequest>> request = Map.of(table, pending);
      BatchWriteItemResponse response = client.batchWriteItem(b -> b.requestItems(request));
      pending = response.unprocessedItems().getOrDefault(table, List.of());
    }
    if (!pending.isEmpty()) {
      throw new IllegalStateException(
          pending.size()
              + " items stayed unprocessed in table "
              + table
              + " after "
              + MAX_BATCH_ROUNDS
              + " BatchWriteItem rounds");
    }
    return batch.size();
  }

  /** Every item of the table, read with a paged Scan of {@value #SCAN_PAGE_SIZE} items per page. */
  public static List<Map<String, AttributeValue>> scanAll(DynamoDbClient client, String table) {
    return scan(client, ScanRequest.builder().tableName(table).limit(SCAN_PAGE_SIZE).build());
  }

  /**
   * The items of one segment of a parallel scan, read in pages of {@value #SCAN_PAGE_SIZE} items.
   *
   * @param segment this segment, 0-based
   * @param totalSegments how many segments the table is split into
   */
  public static List<Map<String, AttributeValue>> scanSegment(
      DynamoDbClient client, String table, int segment, int totalSegments) {
    return scan(
        client,
        ScanRequest.builder()
            .tableName(table)
            .segment(segment)
            .totalSegments(totalSegments)
            .limit(SCAN_PAGE_SIZE)
            .build());
  }

  private static List<Map<String, AttributeValue>> scan(
      DynamoDbClient client, ScanRequest request) {
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    client.scanPaginator(request).items().forEach(items::add);
    return items;
  }

  /** Deletes the table and waits until it is gone. */
  public static void deleteTable(DynamoDbClient client, String table) {
    client.deleteTable(b -> b.tableName(table));
    try (DynamoDbWaiter waiter = client.waiter()) {
      WaiterResponse<DescribeTableResponse> response =
          waiter.waitUntilTableNotExists(
              DescribeTableRequest.builder().tableName(table).build(), WAIT);
      response
          .matched()
          .exception()
          .filter(e -> !(e instanceof ResourceNotFoundException))
          .ifPresent(
              e -> {
                throw new IllegalStateException("Table " + table + " was not deleted", e);
              });
    }
  }
}
