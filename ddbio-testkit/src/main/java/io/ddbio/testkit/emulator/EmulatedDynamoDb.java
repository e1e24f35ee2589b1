package io.ddbio.testkit.emulator;

import io.ddbio.testkit.DynamoDbLocal;
import io.ddbio.testkit.LocalClients;
import java.net.URI;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * DynamoDB Local in this JVM with a {@link CapacityEmulator} in front of it, started and closed
 * together: what a benchmark or a fault test needs in one call.
 *
 * <pre>{@code
 * try (EmulatedDynamoDb dynamoDb = EmulatedDynamoDb.start();
 *     DynamoDbClient client = dynamoDb.newClient()) {
 *   dynamoDb.emulator().setCapacity("orders", 100, 50);
 *   ...
 * }
 * }</pre>
 */
public final class EmulatedDynamoDb implements AutoCloseable {
  private final DynamoDbLocal local;
  private final CapacityEmulator emulator;

  private EmulatedDynamoDb(DynamoDbLocal local, CapacityEmulator emulator) {
    this.local = local;
    this.emulator = emulator;
  }

  /** Starts DynamoDB Local and the emulator, each on an ephemeral port of 127.0.0.1. */
  public static EmulatedDynamoDb start() {
    DynamoDbLocal local = DynamoDbLocal.start();
    try {
      return new EmulatedDynamoDb(local, CapacityEmulator.start(local.endpoint()));
    } catch (RuntimeException e) {
      local.close();
      throw e;
    }
  }

  /** The emulator's endpoint: what clients that should see capacity and faults talk to. */
  public URI endpoint() {
    return emulator.endpoint();
  }

  /** The emulator, to set capacity and faults and read the counts. */
  public CapacityEmulator emulator() {
    return emulator;
  }

  /** DynamoDB Local itself, for set-up and checks that should bypass the emulator. */
  public DynamoDbLocal local() {
    return local;
  }

  /**
   * A client of the emulator, with dummy credentials and the SDK's default retries. The caller
   * closes it.
   */
  public DynamoDbClient newClient() {
    return LocalClients.newClient(endpoint());
  }

  /** Stops the emulator, then DynamoDB Local. */
  @Override
  public void close() {
    try {
      emulator.close();
    } finally {
      local.close();
    }
  }
}
