package io.ddbio.testkit.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbio.testkit.KeySpec;
import io.ddbio.testkit.Tables;
import io.ddbio.testkit.junit.LocalDynamoDb;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.InternalServerErrorException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;

/** Each injected fault as the SDK sees it, with the SDK's own retries off. */
class ITFaults {
  private static final String TABLE = "faults";
  private static final Map<String, AttributeValue> KEY = Map.of("id", AttributeValue.fromS("f-0"));

  @RegisterExtension static final LocalDynamoDb dynamoDb = LocalDynamoDb.behindEmulator();

  private static DynamoDbClient client;

  @BeforeAll
  static void start() {
    client = EmulatorFixtures.clientWithoutRetries(dynamoDb.endpoint());
    Tables.createTable(dynamoDb.client(), TABLE, KeySpec.string("id"), null);
    Tables.putAll(dynamoDb.client(), TABLE, EmulatorFixtures.items("f", 1, 10));
  }

  @AfterAll
  static void stop() {
    client.close();
  }

  @AfterEach
  void noMoreFaults() {
    dynamoDb.emulator().setFaults(FaultPlan.none());
    // Whatever a fault did to the connection, the next request goes through.
    assertTrue(getItem().hasItem());
  }

  private static GetItemResponse getItem() {
    return client.getItem(r -> r.tableName(TABLE).key(KEY));
  }

  private static long injected(Fault fault) {
    return dynamoDb.emulator().injectedFaults().get(fault);
  }

  /**
   * Injects one HTTP error by {@code plan} and checks that the next request fails with exactly
   * {@code type} (not a subclass), this status and this DynamoDB error code, and that the emulator
   * counted one more {@code fault}.
   */
  private static void assertOneErrorAnsweredAs(
      Fault fault,
      FaultPlan plan,
      Class<? extends DynamoDbException> type,
      int status,
      String errorCode) {
    long before = injected(fault);
    dynamoDb.emulator().setFaults(plan);

    DynamoDbException e = assertThrows(type, ITFaults::getItem);

    assertEquals(type, e.getClass());
    assertEquals(status, e.statusCode());
    assertEquals(errorCode, e.awsErrorDetails().errorCode());
    assertEquals(before + 1, injected(fault));
  }

  @Test
  void http500IsAnInternalServerErrorException() {
    assertOneErrorAnsweredAs(
        Fault.INTERNAL_SERVER_ERROR,
        FaultPlan.none().withInternalServerErrors(1),
        InternalServerErrorException.class,
        500,
        "InternalServerError");
  }

  @Test
  void http503IsADynamoDbExceptionWithItsStatus() {
    // The SDK has no class of its own for 503: the base class itself, with the status.
    assertOneErrorAnsweredAs(
        Fault.SERVICE_UNAVAILABLE,
        FaultPlan.none().withServiceUnavailable(1),
        DynamoDbException.class,
        503,
        "ServiceUnavailable");
  }

  @Test
  void aDroppedConnectionIsAClientSideIoError() {
    long before = injected(Fault.CONNECTION_RESET);
    dynamoDb.emulator().setFaults(FaultPlan.none().withConnectionResets(1));

    SdkClientException e = assertThrows(SdkClientException.class, ITFaults::getItem);
    assertTrue(causedByIoException(e), "cause: " + e.getCause());
    assertEquals(before + 1, injected(Fault.CONNECTION_RESET));
  }

  @Test
  void anInjectedThrottleIsAProvisionedThroughputExceededExceptionOfAnUnlimitedTable() {
    long before = injected(Fault.THROTTLED);
    long throttledBefore = dynamoDb.emulator().stats(TABLE).throttledRequests();
    dynamoDb.emulator().setFaults(FaultPlan.none().withThrottles(1));

    ProvisionedThroughputExceededException e =
        assertThrows(ProvisionedThroughputExceededException.class, ITFaults::getItem);

    assertEquals(400, e.statusCode());
    assertEquals(before + 1, injected(Fault.THROTTLED));
    assertEquals(
        throttledBefore,
        dynamoDb.emulator().stats(TABLE).throttledRequests(),
        "a fault, not the table's capacity: the table's counts do not show it");
  }

  private static boolean causedByIoException(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof IOException) {
        return true;
      }
    }
    return false;
  }

  @Test
  void latencyDelaysTheAnswer() {
    long before = injected(Fault.LATENCY);
    dynamoDb
        .emulator()
        .setFaults(FaultPlan.none().withLatency(1, Duration.ofMillis(300), Duration.ZERO));

    long start = System.nanoTime();
    assertTrue(getItem().hasItem());
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertTrue(took.compareTo(Duration.ofMillis(300)) >= 0, "took " + took);
    assertEquals(before + 1, injected(Fault.LATENCY));
  }

  @Test
  void theSameSeedFailsTheSameRequests() {
    FaultPlan plan = FaultPlan.none().withInternalServerErrors(0.5).withSeed(11);

    dynamoDb.emulator().setFaults(plan);
    List<Boolean> first = outcomes(30);
    dynamoDb.emulator().setFaults(plan);
    List<Boolean> second = outcomes(30);

    assertEquals(first, second);
    assertTrue(first.contains(true) && first.contains(false), "some of each: " + first);
  }

  private static List<Boolean> outcomes(int requests) {
    List<Boolean> outcomes = new ArrayList<>();
    for (int i = 0; i < requests; i++) {
      try {
        getItem();
        outcomes.add(true);
      } catch (InternalServerErrorException e) {
        outcomes.add(false);
      }
    }
    return outcomes;
  }
}
