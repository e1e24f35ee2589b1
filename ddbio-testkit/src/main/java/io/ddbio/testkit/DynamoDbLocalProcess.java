package io.ddbio.testkit;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * DynamoDB Local in a JVM of its own ({@link DynamoDbLocalMain}), listening on an ephemeral port of
 * 127.0.0.1 with an in-memory database. For tests whose own JVM must not host the server, such as
 * MiniYARN tests whose tasks run in other JVMs.
 *
 * <p>The child is ended by {@link #close()}, by a shutdown hook if this JVM exits first, and,
 * should this JVM be killed outright, by the end of its standard input, which this JVM holds open.
 */
public final class DynamoDbLocalProcess implements AutoCloseable {
  /** How long {@link #start()} waits for the child to report its endpoint. */
  public static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

  private static final Duration STOP_GRACE = Duration.ofSeconds(10);
  private static final Duration OUTPUT_GRACE = Duration.ofSeconds(2);
  private static final int TAIL_LINES = 100;

  private final Process process;
  private final URI endpoint;
  private final Thread reaper;
  private boolean closed;

  private DynamoDbLocalProcess(Process process, URI endpoint, Thread reaper) {
    this.process = process;
    this.endpoint = endpoint;
    this.reaper = reaper;
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
    List<String> command = command(classPath);
    Process process;
    try {
      process = new ProcessBuilder(command).start();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot launch DynamoDB Local: " + describe(command), e);
    }
    Thread reaper = new Thread(process::destroy, "dynamodb-local-reaper-" + process.pid());
    Runtime.getRuntime().addShutdownHook(reaper);

    CompletableFuture<URI> ready = new CompletableFuture<>();
    StreamTail stdout =
        StreamTail.start(
            process.getInputStream(),
            TAIL_LINES,
            line -> acceptReadyLine(line, ready),
            () -> ready.completeExceptionally(new IllegalStateException("standard output ended")),
            "dynamodb-local-stdout-" + process.pid());
    StreamTail stderr =
        StreamTail.start(
            process.getErrorStream(),
            TAIL_LINES,
            line -> {},
            () -> {},
            "dynamodb-local-stderr-" + process.pid());
    try {
      URI endpoint = ready.get(READY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      return new DynamoDbLocalProcess(process, endpoint, reaper);
    } catch (TimeoutException e) {
      throw abandon(process, reaper, command, stdout, stderr, e);
    } catch (ExecutionException e) {
      throw abandon(process, reaper, command, stdout, stderr, e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      removeHook(reaper);
      throw new IllegalStateException("Interrupted while waiting for DynamoDB Local to start", e);
    }
  }

  private static void acceptReadyLine(String line, CompletableFuture<URI> ready) {
    if (!line.startsWith(DynamoDbLocalMain.READY_PREFIX)) {
      return;
    }
    try {
      ready.complete(URI.create(line.substring(DynamoDbLocalMain.READY_PREFIX.length()).trim()));
    } catch (IllegalArgumentException e) {
      ready.completeExceptionally(e);
    }
  }

  private static List<String> command(String classPath) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // The child finds the same native library this JVM found or was told about.
    for (String property :
        List.of(
            SqliteNatives.SQLITE4JAVA_LIBRARY_PATH,
            SqliteNatives.DYNAMODB_LOCAL_LIBRARY_PATH,
            SqliteNatives.DYNAMODB_LOCAL_LIBRARY_NAME)) {
      String value = System.getProperty(property);
      if (value != null) {
        command.add("-D" + property + "=" + value);
      }
    }
    command.add("-cp");
    command.add(classPath);
    command.add(DynamoDbLocalMain.class.getName());
    command.addAll(List.of("--port", "0", "--in-memory", "--stop-on-stdin-eof"));
    return command;
  }

  /** Kills a child that did not become ready and builds the exception that says why. */
  private static IllegalStateException abandon(
      Process process,
      Thread reaper,
      List<String> command,
      StreamTail stdout,
      StreamTail stderr,
      Throwable cause) {
    String state;
    try {
      process.destroyForcibly().waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
      stdout.awaitEnd(OUTPUT_GRACE);
      stderr.awaitEnd(OUTPUT_GRACE);
      state =
          cause instanceof TimeoutException
              ? "did not report its endpoint within " + READY_TIMEOUT.toSeconds() + " s"
              : "ended before reporting its endpoint (exit code " + process.exitValue() + ")";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      state = "did not report its endpoint (interrupted while collecting its output)";
    } catch (IllegalThreadStateException e) {
      state = "did not report its endpoint and could not be killed";
    }
    removeHook(reaper);
    return new IllegalStateException(
        "DynamoDB Local in its own JVM (pid "
            + process.pid()
            + ") "
            + state
            + ".\nCommand: "
            + describe(command)
            + "\nIts standard output ended with:\n"
            + stdout.lastLines()
            + "\nIts standard error ended with:\n"
            + stderr.lastLines(),
        cause);
  }

  /** The command, with the class path shortened to its size: it can run to many kilobytes. */
  private static String describe(List<String> command) {
    List<String> shown = new ArrayList<>(command);
    int cp = shown.indexOf("-cp");
    if (cp >= 0 && cp + 1 < shown.size()) {
      int entries = shown.get(cp + 1).split(File.pathSeparator).length;
      shown.set(cp + 1, "<class path, " + entries + " entries>");
    }
    return String.join(" ", shown);
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // This JVM is already shutting down; the hook is running or has run.
    }
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
    return process.pid();
  }

  /** Whether the child is still running. */
  public boolean isAlive() {
    return process.isAlive();
  }

  /** The child's exit code, once it has ended. */
  Optional<Integer> exitCode() {
    return process.isAlive() ? Optional.empty() : Optional.of(process.exitValue());
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
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      try {
        process.getOutputStream().close();
      } catch (IOException e) {
        // The child has already gone; the waits below confirm it.
      }
      if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroy();
        if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
          process.destroyForcibly().waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    } finally {
      removeHook(reaper);
    }
  }
}
