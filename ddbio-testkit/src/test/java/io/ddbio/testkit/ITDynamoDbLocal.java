package io.ddbio.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbio.testkit.junit.LocalDynamoDb;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;

/** DynamoDB Local in this JVM: data in and out, parallel scan, consumed capacity, loopback only. */
class ITDynamoDbLocal {
  @RegisterExtension static final LocalDynamoDb ddb = LocalDynamoDb.started();

  @Test
  void listensOnLoopbackOnly() {
    assertEquals("127.0.0.1", ddb.local().endpoint().getHost());
    assertEquals(ddb.local().port(), ddb.local().endpoint().getPort());
    assertTrue(ddb.local().port() > 0);
    assertEquals("127.0.0.1", ddb.local().boundAddress().getAddress().getHostAddress());
    assertEquals(ddb.local().port(), ddb.local().boundAddress().getPort());
  }

  @Test
  void scanAllReturnsExactlyTheItemsPut() {
    String table = "put-then-scan";
    Tables.createTable(ddb.client(), table, KeySpec.string("id"), KeySpec.number("version"));
    List<Map<String, AttributeValue>> items = items(1000);

    assertEquals(1000, Tables.putAll(ddb.client(), table, items));

    List<Map<String, AttributeValue>> scanned = Tables.scanAll(ddb.client(), table);
    assertEquals(1000, scanned.size());
    assertEquals(new HashSet<>(items), new HashSet<>(scanned));
  }

  @Test
  void parallelScanCoversEachItemOnce() throws Exception {
    String table = "parallel-scan";
    Tables.createTable(ddb.client(), table, KeySpec.string("id"), null);
    Tables.putAll(ddb.client(), table, items(1000));

    int segments = 4;
    ExecutorService pool = Executors.newFixedThreadPool(segments);
    try {
      List<CompletableFuture<List<Map<String, AttributeValue>>>> scans =
          IntStream.range(0, segments)
              .mapToObj(
                  s ->
                      CompletableFuture.supplyAsync(
                          () -> Tables.scanSegment(ddb.client(), table, s, segments), pool))
              .toList();
      List<String> ids = new ArrayList<>();
      int nonEmptySegments = 0;
      for (CompletableFuture<List<Map<String, AttributeValue>>> scan : scans) {
        List<Map<String, AttributeValue>> segment = scan.get();
        nonEmptySegments += segment.isEmpty() ? 0 : 1;
        segment.forEach(item -> ids.add(item.get("id").s()));
      }
      assertEquals(1000, ids.size(), "items seen across segments");
      assertEquals(1000, new HashSet<>(ids).size(), "distinct items seen across segments");
      assertEquals(expectedIds(1000), new HashSet<>(ids));
      assertEquals(segments, nonEmptySegments, "every segment holds a share of the table");
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void reportsConsumedCapacityWhenAskedFor() {
    String table = "consumed-capacity";
    Tables.createTable(ddb.client(), table, KeySpec.string("id"), null, 5, 5);
    Tables.putAll(ddb.client(), table, items(10));

    ConsumedCapacity scanned =
        ddb.client()
            .scan(
                r ->
                    r.tableName(table)
                        .limit(100)
                        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL))
            .consumedCapacity();
    assertNotNull(scanned, "Scan with ReturnConsumedCapacity=TOTAL");
    assertEquals(table, scanned.tableName());
    assertTrue(scanned.capacityUnits() > 0, "scan capacity units: " + scanned.capacityUnits());

    ConsumedCapacity put =
        ddb.client()
            .putItem(
                r ->
                    r.tableName(table)
                        .item(items(11).get(10))
                        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL))
            .consumedCapacity();
    assertNotNull(put, "PutItem with ReturnConsumedCapacity=TOTAL");
    assertTrue(put.capacityUnits() > 0, "put capacity units: " + put.capacityUnits());
  }

  @Test
  void refusesConnectionsOnThisMachinesOtherAddresses() throws IOException {
    List<InetAddress> others = nonLoopbackAddresses();
    if (others.isEmpty()) {
      // A machine with loopback only has no other address to try; the socket's own address is
      // then the evidence.
      assertTrue(ddb.local().boundAddress().getAddress().isLoopbackAddress(), "bound to loopback");
      return;
    }
    try (ServerSocket control = new ServerSocket(0)) {
      for (InetAddress address : others) {
        // Control: a socket on all interfaces is reachable through this address...
        assertTrue(connects(address, control.getLocalPort()), "control socket via " + address);
        // ...and DynamoDB Local is not.
        assertFalse(connects(address, ddb.local().port()), "DynamoDB Local via " + address);
      }
    }
  }

  @Test
  void startingOnATakenPortSaysWhichAndWhy() {
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> DynamoDbLocal.start(ddb.local().port()));
    assertTrue(e.getMessage().contains("127.0.0.1:" + ddb.local().port()), e.getMessage());
  }

  private static List<InetAddress> nonLoopbackAddresses() throws SocketException {
    List<InetAddress> addresses = new ArrayList<>();
    for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      if (nic.isUp() && !nic.isLoopback()) {
        for (InetAddress address : Collections.list(nic.getInetAddresses())) {
          // Link-local IPv6 addresses need a scope to connect to; the others suffice.
          if (!address.isLoopbackAddress() && !address.isLinkLocalAddress()) {
            addresses.add(address);
          }
        }
      }
    }
    return addresses;
  }

  private static boolean connects(InetAddress address, int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(address, port), 2000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** Items with keys id=item-0000.. and version=1, and an attribute of each common kind. */
  static List<Map<String, AttributeValue>> items(int count) {
    List<Map<String, AttributeValue>> items = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      Map<String, AttributeValue> item = new HashMap<>();
      item.put("id", AttributeValue.fromS(String.format("item-%04d", i)));
      item.put("version", AttributeValue.fromN("1"));
      item.put("size", AttributeValue.fromN(Integer.toString(i * 7)));
      item.put(
          "tags",
          AttributeValue.fromL(
              List.of(AttributeValue.fromS("t" + (i % 3)), AttributeValue.fromS("all"))));
      item.put("even", AttributeValue.fromBool(i % 2 == 0));
      items.add(item);
    }
    return items;
  }

  private static Set<String> expectedIds(int count) {
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < count; i++) {
      ids.add(String.format("item-%04d", i));
    }
    return ids;
  }
}
