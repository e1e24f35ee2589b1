package io.ddbio.testkit.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbio.testkit.KeySpec;
import io.ddbio.testkit.Tables;
import io.ddbio.testkit.junit.LocalDynamoDb;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/** A table without configured capacity behaves through the emulator as DynamoDB Local does. */
class ITPassThrough {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @RegisterExtension static final LocalDynamoDb dynamoDb = LocalDynamoDb.behindEmulator();

  private static DynamoDbClient client;

  @BeforeAll
  static void start() {
    client = EmulatorFixtures.clientWithoutRetries(dynamoDb.endpoint());
  }

  @AfterAll
  static void stop() {
    client.close();
  }

  @Test
  void putGetScanAndDescribeAnswerAsDynamoDbLocalDoes() {
    String table = "pass-through";
    TableDescription created =
        Tables.createTable(client, table, KeySpec.string("id"), KeySpec.number("n"));
    List<Map<String, AttributeValue>> items = EmulatorFixtures.items("p", 120, 300);

    assertEquals(120, Tables.putAll(client, table, items));
    client.putItem(
        r ->
            r.tableName(table)
                .item(Map.of("id", AttributeValue.fromS("extra"), "n", AttributeValue.fromN("1"))));

    Map<String, AttributeValue> key =
        Map.of("id", AttributeValue.fromS("p-7"), "n", AttributeValue.fromN("7"));
    GetItemResponse viaEmulator = client.getItem(r -> r.tableName(table).key(key));
    GetItemResponse viaLocal = dynamoDb.client().getItem(r -> r.tableName(table).key(key));
    // The responses differ only in their HTTP metadata (request ids).
    assertEquals(viaLocal.item(), viaEmulator.item());
    assertEquals(viaLocal.consumedCapacity(), viaEmulator.consumedCapacity());
    assertEquals(items.get(7), viaEmulator.item());
    // The emulator asked for consumed capacity on the client's behalf and took it out again;
    // DynamoDB Local accepted the rewritten body although its signature no longer matches.
    assertNull(viaEmulator.consumedCapacity());

    List<Map<String, AttributeValue>> scanned = Tables.scanAll(client, table);
    assertEquals(Tables.scanAll(dynamoDb.client(), table), scanned);
    assertEquals(121, new HashSet<>(scanned).size());

    assertEquals(
        created.tableName(), client.describeTable(r -> r.tableName(table)).table().tableName());
    assertEquals(
        dynamoDb.client().describeTable(r -> r.tableName(table)).table(),
        client.describeTable(r -> r.tableName(table)).table());

    TableStats stats = dynamoDb.emulator().stats(table);
    assertEquals(0, stats.throttledRequests());
    assertEquals(0, stats.unprocessedItems());
    assertTrue(stats.consumedWriteUnits() >= 121, "write units " + stats.consumedWriteUnits());
    assertTrue(stats.consumedReadUnits() > 0, "read units " + stats.consumedReadUnits());
    assertTrue(dynamoDb.emulator().tables().contains(table));
  }

  @Test
  void rawAnswersAreByteForByteDynamoDbLocals() throws IOException, InterruptedException {
    String table = "raw-bytes";
    Tables.createTable(dynamoDb.client(), table, KeySpec.string("id"), null);
    Tables.putAll(dynamoDb.client(), table, EmulatorFixtures.items("r", 5, 20));
    String get = "{\"TableName\":\"" + table + "\",\"Key\":{\"id\":{\"S\":\"r-1\"}}}";
    String scan = "{\"TableName\":\"" + table + "\",\"Limit\":3}";

    for (String[] request : new String[][] {{"GetItem", get}, {"Scan", scan}}) {
      HttpResponse<String> fromLocal = post(dynamoDb.local().endpoint(), request[0], request[1]);
      HttpResponse<String> fromEmulator = post(dynamoDb.endpoint(), request[0], request[1]);

      assertEquals(200, fromEmulator.statusCode());
      assertEquals(fromLocal.body(), fromEmulator.body(), request[0]);
      assertEquals(
          fromLocal.headers().firstValue("x-amz-crc32"),
          fromEmulator.headers().firstValue("x-amz-crc32"),
          "the checksum recomputed for the body without ConsumedCapacity");
      assertEquals(
          fromLocal.headers().firstValue("content-type"),
          fromEmulator.headers().firstValue("content-type"));
    }
  }

  /** A request signed with nonsense: DynamoDB Local wants the header but checks no signature. */
  private static HttpResponse<String> post(URI endpoint, String operation, String body)
      throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(endpoint)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .header("Content-Type", "application/x-amz-json-1.0")
            .header("X-Amz-Target", "DynamoDB_20120810." + operation)
            .header("X-Amz-Date", "20250101T000000Z")
            .header(
                "Authorization",
                "AWS4-HMAC-SHA256 Credential=dummy/20250101/us-east-1/dynamodb/aws4_request,"
                    + " SignedHeaders=host;x-amz-date, Signature="
                    + "0".repeat(64))
            .build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void consumedCapacityIsReturnedWhenAskedFor() {
    String table = "asks-for-capacity";
    Tables.createTable(dynamoDb.client(), table, KeySpec.string("id"), null);
    Map<String, AttributeValue> item = EmulatorFixtures.items("c", 1, 10).get(0);

    ConsumedCapacity put =
        client
            .putItem(
                r ->
                    r.tableName(table)
                        .item(item)
                        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL))
            .consumedCapacity();
    ConsumedCapacity scan =
        client
            .scan(r -> r.tableName(table).returnConsumedCapacity(ReturnConsumedCapacity.INDEXES))
            .consumedCapacity();

    assertNotNull(put);
    assertEquals(table, put.tableName());
    assertEquals(1.0, put.capacityUnits());
    assertNotNull(scan);
    assertEquals(table, scan.tableName());
  }

  @Test
  void errorsComeBackAsDynamoDbLocalAnswersThem() {
    String table = "errors-pass";
    Tables.createTable(dynamoDb.client(), table, KeySpec.string("id"), null);
    Map<String, AttributeValue> item = EmulatorFixtures.items("e", 1, 10).get(0);
    client.putItem(r -> r.tableName(table).item(item));

    assertThrows(
        ResourceNotFoundException.class,
        () ->
            client.getItem(
                r -> r.tableName("no-such-table").key(Map.of("id", AttributeValue.fromS("x")))));
    assertThrows(
        ConditionalCheckFailedException.class,
        () ->
            client.putItem(
                r ->
                    r.tableName(table).item(item).conditionExpression("attribute_not_exists(id)")));
  }
}
