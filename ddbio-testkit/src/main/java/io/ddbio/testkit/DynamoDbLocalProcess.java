package io.ddbio.testkit;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * DynamoDB Local in a JVM of its own ({@link DynamoDbLocalMain}), listening on an ephemeral port of
 * 127.0.0.1 with an in-memory database. For tests whose own JVM must not host the server, such as
 * MiniYARN tests whose tasks run in other JVMs.
 *
 * <p>The child is a {@link ChildJvm}: ended by {@link #close()}, by a shutdown hook if this JVM
 * exits first, and, should this JVM be killed outright, by the end of its standard input, which
 * this JVM holds open.
 */
public final class DynamoDbLocalProcess implements AutoCloseable {
  /** How long {@link #start()} waits for the child to report its endpoint. */
  public static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

  private final ChildJvm child;
  private final URI endpoint;

  private DynamoDbLocalProcess(ChildJvm child, URI endpoint) {
    this.child = child;
    this.endpoint = endpoint;
  }

  /**
   * Launches the child JVM with this JVM's class path and waits up to {@link #READY_TIMEOUT} for it
   * to report its endpoint.
   *
   * @throws IllegalStateException if the child does not become ready; the message carries the end
   *     of the child's standard error
   */
  public static DynamoDbLocalProcess start() {
    return start(System.getProperty("java.class.path"));
  }

  /**
   * Like {@link #start()}, but the child runs on the test kit's own runtime class path, recorded
   * when the test kit was built, instead of this JVM's. For JVMs whose class path cannot host
   * DynamoDB Local, such as one with Hadoop's minicluster: Maven keeps one version of each Jetty
   * jar, so Jetty 9 for the minicluster and Jetty 12 for DynamoDB Local cannot share a class path.
   *
   * @throws IllegalStateException if the recorded class path is missing or names a missing file, or
   *     if the child does not become ready
   */
  public static DynamoDbLocalProcess startIsolated() {
    return start(RecordedClassPath.load());
  }

  private static DynamoDbLocalProcess start(String classPath) {
    ChildJvm child =
        ChildJvm.start(
            "DynamoDB Local",
            javaArguments(classPath),
            DynamoDbLocalMain.READY_PREFIX,
            READY_TIMEOUT);
    try {
      return new DynamoDbLocalProcess(child, URI.create(child.readyValue()));
    } catch (IllegalArgumentException e) {
      child.close();
      throw new IllegalStateException(
          "DynamoDB Local reported an endpoint that is not a URI: " + child.readyValue(), e);
    }
  }

  private static List<String> javaArguments(String classPath) {
    List<String> arguments = new ArrayList<>();
    // The child finds the same native library this JVM found or was told about.
    for (String property :
        List.of(
            SqliteNatives.SQLITE4JAVA_LIBRARY_PATH,
            SqliteNatives.DYNAMODB_LOCAL_LIBRARY_PATH,
            SqliteNatives.DYNAMODB_LOCAL_LIBRARY_NAME)) {
      String value = System.getProperty(property);
      if (value != null) {
        arguments.add("-D" + property + "=" + value);
      }
    }
    arguments.add("-cp");
    arguments.add(classPath);
    arguments.add(DynamoDbLocalMain.class.getName());
    arguments.addAll(List.of("--port", "0", "--in-memory", "--stop-on-stdin-eof"));
    return arguments;
  }

  /** The endpoint to give an SDK client, {@code http://127.0.0.1:<port>}. */
  public URI endpoint() {
    return endpoint;
  }

  /** The port the child listens on. */
  public int port() {
    return endpoint.getPort();
  }

  /** The child's process id. */
  public long pid() {
    return child.pid();
  }

  /** The JVM the server runs in, to ask whether it is still alive or how it ended. */
  public ChildJvm jvm() {
    return child;
  }

  /**
   * A new client for the child's server, with dummy credentials and region {@code us-east-1}. The
   * caller closes it.
   */
  public DynamoDbClient newClient() {
    return LocalClients.newClient(endpoint);
  }

  /**
   * Ends the child and waits for it: closes its standard input so it stops cleanly, then sends
   * SIGTERM, then kills it, allowing each step ten seconds. Calling it again does nothing.
   */
  @Override
  public void close() {
    child.close();
  }
}
