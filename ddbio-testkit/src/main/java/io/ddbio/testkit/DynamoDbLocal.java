package io.ddbio.testkit;

import com.amazonaws.services.dynamodbv2.exceptions.DynamoDBLocalServiceException;
import com.amazonaws.services.dynamodbv2.local.server.LocalDynamoDBRequestHandler;
import com.amazonaws.services.dynamodbv2.local.server.LocalDynamoDBServerHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * DynamoDB Local running in this JVM, listening on 127.0.0.1 only, with an in-memory database
 * shared by all credentials and regions.
 *
 * <p>DynamoDB Local's own launcher has no host option and listens on every interface, so this class
 * mounts DynamoDB Local's request handler on a Jetty server of its own whose single connector is
 * bound to the loopback address. Telemetry is never configured, so none is sent.
 *
 * <p>After {@link #close()} DynamoDB Local leaves one non-daemon thread behind (its stream shard
 * scheduler sleeps for several minutes before it sees the shutdown). Test JVMs exit regardless; a
 * program of its own that starts this server should end with {@link System#exit}.
 */
public final class DynamoDbLocal implements AutoCloseable {
  /** The only address the server listens on. */
  public static final String HOST = "127.0.0.1";

  private final Server server;
  private final ServerConnector connector;
  private final LocalDynamoDBServerHandler handler;
  private final int port;
  private boolean closed;

  private DynamoDbLocal(
      Server server, ServerConnector connector, LocalDynamoDBServerHandler handler) {
    this.server = server;
    this.connector = connector;
    this.handler = handler;
    this.port = connector.getLocalPort();
  }

  /** Starts a server on an ephemeral port of 127.0.0.1. */
  public static DynamoDbLocal start() {
    return start(0);
  }

  /**
   * Starts a server on the given port of 127.0.0.1.
   *
   * @param port the port, or 0 for an ephemeral one
   * @throws IllegalStateException if the port is taken or the native library cannot be loaded
   */
  public static DynamoDbLocal start(int port) {
    return start(port, null);
  }

  /**
   * Starts a server keeping its tables in memory, or in {@code dbDirectory} if that is not null
   * (the directory is created if missing; the database file is {@code shared-local-instance.db}).
   */
  static DynamoDbLocal start(int port, Path dbDirectory) {
    return start(port, dbDirectory, true);
  }

  /**
   * Starts an in-memory server on an ephemeral port of 127.0.0.1 that keeps a separate set of
   * tables for each access key id (and region), as DynamoDB Local does without its shared-database
   * option. A test can so tell which credentials a client signed its requests with.
   */
  public static DynamoDbLocal startPerAccessKey() {
    return start(0, null, false);
  }

  private static DynamoDbLocal start(int port, Path dbDirectory, boolean sharedDb) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("Port must be 0..65535, not " + port);
    }
    SqliteNatives.ensureLoaded();
    LocalDynamoDBServerHandler handler =
        new LocalDynamoDBServerHandler(newRequestHandler(dbDirectory, sharedDb), null);

    QueuedThreadPool threads = new QueuedThreadPool();
    threads.setName("dynamodb-local");
    // Daemon threads, so that a server somebody forgot to close does not keep a test JVM alive.
    threads.setDaemon(true);
    Server server = new Server(threads);
    ServerConnector connector = new ServerConnector(server);
    connector.setHost(HOST);
    connector.setPort(port);
    server.addConnector(connector);
    ContextHandler context = new ContextHandler();
    context.setHandler(handler);
    server.setHandler(context);
    try {
      server.start();
    } catch (Exception e) {
      stopQuietly(server, e);
      handler.close();
      throw new IllegalStateException(
          "DynamoDB Local could not listen on "
              + HOST
              + ":"
              + port
              + " ("
              + e
              + "); choose another port, or 0 for an ephemeral one",
          e);
    }
    return new DynamoDbLocal(server, connector, handler);
  }

  private static LocalDynamoDBRequestHandler newRequestHandler(Path dbDirectory, boolean sharedDb) {
    boolean inMemory = dbDirectory == null;
    String dbPath = null;
    if (!inMemory) {
      try {
        dbPath = Files.createDirectories(dbDirectory).toAbsolutePath().toString();
      } catch (IOException e) {
        throw new UncheckedIOException(
            "Cannot create DynamoDB Local's directory " + dbDirectory, e);
      }
    }
    try {
      // Shared database (by default): tables are not partitioned by access key and region.
      // Transient statuses not delayed: tables are ACTIVE as soon as they are created.
      return new LocalDynamoDBRequestHandler(0, inMemory, dbPath, sharedDb, false);
    } catch (DynamoDBLocalServiceException e) {
      throw new IllegalStateException("DynamoDB Local could not open its database: " + e, e);
    }
  }

  private static void stopQuietly(Server server, Exception cause) {
    try {
      server.stop();
    } catch (Exception e) {
      cause.addSuppressed(e);
    }
  }

  /** The endpoint to give an SDK client, {@code http://127.0.0.1:<port>}. */
  public URI endpoint() {
    return URI.create("http://" + HOST + ":" + port);
  }

  /** The port the server listens on. */
  public int port() {
    return port;
  }

  /**
   * A new client for this server, with dummy credentials and region {@code us-east-1}. The caller
   * closes it.
   */
  public DynamoDbClient newClient() {
    return LocalClients.newClient(endpoint());
  }

  /** The address the listening socket is bound to, as the operating system reports it. */
  InetSocketAddress boundAddress() {
    try {
      return (InetSocketAddress) ((ServerSocketChannel) connector.getTransport()).getLocalAddress();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the address DynamoDB Local is bound to", e);
    }
  }

  /** Stops the server and closes its database; calling it again does nothing. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      server.stop();
    } catch (Exception e) {
      throw new IllegalStateException(
          "DynamoDB Local on port " + port + " did not stop cleanly", e);
    } finally {
      handler.close();
    }
  }
}
