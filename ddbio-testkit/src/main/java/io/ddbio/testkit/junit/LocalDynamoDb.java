package io.ddbio.testkit.junit;

import io.ddbio.testkit.DynamoDbLocal;
import io.ddbio.testkit.DynamoDbLocalProcess;
import io.ddbio.testkit.KeySpec;
import io.ddbio.testkit.Tables;
import io.ddbio.testkit.emulator.CapacityEmulator;
import io.ddbio.testkit.emulator.EmulatedDynamoDb;
import java.net.URI;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * DynamoDB Local for the tests of one class: started before the first test, with a client of it,
 * and both closed after the last.
 *
 * <pre>{@code
 * @RegisterExtension static final LocalDynamoDb ddb = LocalDynamoDb.started();
 *
 * @Test
 * void writes() {
 *   ddb.createTable("orders", KeySpec.string("id"), null);
 *   Tables.putAll(ddb.client(), "orders", items);
 * }
 * }</pre>
 *
 * <p>Register it on a {@code static} field: it starts in {@code beforeAll}, which JUnit does not
 * call for an extension on an instance field. {@code @Nested} classes share their outer class's
 * server.
 */
public final class LocalDynamoDb implements BeforeAllCallback, AfterAllCallback {
  private enum Kind {
    IN_THIS_JVM,
    PER_ACCESS_KEY,
    BEHIND_EMULATOR,
    OWN_JVM
  }

  private final Kind kind;
  private boolean withoutBurstCredit;
  private String startedFor;
  private DynamoDbLocal local;
  private EmulatedDynamoDb emulated;
  private DynamoDbLocalProcess process;
  private DynamoDbClient client;

  private LocalDynamoDb(Kind kind) {
    this.kind = kind;
  }

  /** DynamoDB Local in this JVM, one database for all credentials. */
  public static LocalDynamoDb started() {
    return new LocalDynamoDb(Kind.IN_THIS_JVM);
  }

  /**
   * DynamoDB Local in this JVM keeping a set of tables for each access key id, so that a test can
   * tell which credentials a request was signed with ({@link DynamoDbLocal#startPerAccessKey()}).
   */
  public static LocalDynamoDb perAccessKey() {
    return new LocalDynamoDb(Kind.PER_ACCESS_KEY);
  }

  /**
   * DynamoDB Local in this JVM with the capacity emulator in front of it ({@link
   * EmulatedDynamoDb}): {@link #endpoint()} is the emulator's, while {@link #client()} still talks
   * to DynamoDB Local directly, for set-up and checks that should not be metered.
   */
  public static LocalDynamoDb behindEmulator() {
    return new LocalDynamoDb(Kind.BEHIND_EMULATOR);
  }

  /**
   * DynamoDB Local in a JVM of its own on the test kit's recorded class path ({@link
   * DynamoDbLocalProcess#startIsolated()}), for test JVMs that hold Hadoop's minicluster.
   */
  public static LocalDynamoDb inOwnJvm() {
    return new LocalDynamoDb(Kind.OWN_JVM);
  }

  /**
   * Has the emulator keep no burst credit ({@code setBurstSeconds(0)}), so that a table serves at
   * most its provisioned rate from the first second: for tests that measure rates or throttles.
   * Only for {@link #behindEmulator()}.
   */
  public LocalDynamoDb withoutBurstCredit() {
    if (kind != Kind.BEHIND_EMULATOR) {
      throw new IllegalStateException("Burst credit is the emulator's: use behindEmulator()");
    }
    withoutBurstCredit = true;
    return this;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    if (startedFor != null) {
      return; // a @Nested class of the class that started it
    }
    switch (kind) {
      case IN_THIS_JVM -> local = DynamoDbLocal.start();
      case PER_ACCESS_KEY -> local = DynamoDbLocal.startPerAccessKey();
      case BEHIND_EMULATOR -> {
        emulated = EmulatedDynamoDb.start();
        local = emulated.local();
        if (withoutBurstCredit) {
          emulated.emulator().setBurstSeconds(0);
        }
      }
      case OWN_JVM -> process = DynamoDbLocalProcess.startIsolated();
    }
    startedFor = context.getUniqueId();
    client = local != null ? local.newClient() : process.newClient();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (!context.getUniqueId().equals(startedFor)) {
      return;
    }
    startedFor = null;
    try {
      if (client != null) {
        client.close();
      }
    } finally {
      if (emulated != null) {
        emulated.close();
      } else if (local != null) {
        local.close();
      } else {
        process.close();
      }
      local = null;
      emulated = null;
      process = null;
      client = null;
    }
  }

  /**
   * The endpoint the code under test should talk to: the emulator's for {@link #behindEmulator()}
   * (as {@link EmulatedDynamoDb#endpoint()}), else DynamoDB Local's, {@code
   * http://127.0.0.1:<port>}.
   */
  public URI endpoint() {
    checkStarted();
    if (emulated != null) {
      return emulated.endpoint();
    }
    return local != null ? local.endpoint() : process.endpoint();
  }

  /** A client of DynamoDB Local itself (not of the emulator), closed after the last test. */
  public DynamoDbClient client() {
    checkStarted();
    return client;
  }

  /**
   * The server in this JVM, behind the emulator if there is one; not there for {@link #inOwnJvm()}.
   */
  public DynamoDbLocal local() {
    checkStarted();
    if (local == null) {
      throw new IllegalStateException("DynamoDB Local runs in a JVM of its own here");
    }
    return local;
  }

  /** DynamoDB Local and its emulator; only for {@link #behindEmulator()}. */
  public EmulatedDynamoDb emulated() {
    checkStarted();
    if (emulated == null) {
      throw new IllegalStateException(
          "No capacity emulator: register LocalDynamoDb.behindEmulator() to have one");
    }
    return emulated;
  }

  /** The capacity emulator in front of DynamoDB Local; only for {@link #behindEmulator()}. */
  public CapacityEmulator emulator() {
    return emulated().emulator();
  }

  /**
   * Creates an on-demand table with the given key and waits until it is ACTIVE.
   *
   * @param range the sort key, or null for a partition key only
   */
  public TableDescription createTable(String table, KeySpec hash, KeySpec range) {
    return Tables.createTable(client(), table, hash, range);
  }

  private void checkStarted() {
    if (startedFor == null) {
      throw new IllegalStateException(
          "DynamoDB Local is not running: register LocalDynamoDb on a static field with"
              + " @RegisterExtension, and use it from tests or @BeforeAll methods");
    }
  }
}
