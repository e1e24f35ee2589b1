package io.ddbio.testkit;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A server in a JVM of its own: launched with the running JVM's {@code java}, awaited until it
 * prints the line announcing it is ready, and ended on {@link #close()}.
 *
 * <p>The child's main class must print one line starting with the ready prefix on standard output
 * once it serves, and end when its standard input ends: this JVM holds that input open, so the
 * child also ends if this JVM is killed outright. A shutdown hook ends it if this JVM exits first.
 */
public final class ChildJvm implements AutoCloseable {
  private static final Duration STOP_GRACE = Duration.ofSeconds(10);
  private static final Duration OUTPUT_GRACE = Duration.ofSeconds(2);
  private static final int TAIL_LINES = 100;

  private final Process process;
  private final String readyValue;
  private final Thread reaper;
  private boolean closed;

  private ChildJvm(Process process, String readyValue, Thread reaper) {
    this.process = process;
    this.readyValue = readyValue;
    this.reaper = reaper;
  }

  /**
   * Launches {@code java javaArguments} and waits for the child's ready line.
   *
   * @param name what the child is, for messages and thread names
   * @param javaArguments what follows {@code java}: options, {@code -cp} and its class path, the
   *     main class and its arguments
   * @param readyPrefix what the ready line starts with; the rest of the line is {@link
   *     #readyValue()}
   * @throws IllegalStateException if the child ends or stays silent for {@code timeout}; the
   *     message has the end of its standard output and standard error
   */
  public static ChildJvm start(
      String name, List<String> javaArguments, String readyPrefix, Duration timeout) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(javaArguments);
    Process process;
    try {
      process = new ProcessBuilder(command).start();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot launch " + name + ": " + describe(command), e);
    }
    String threads = name.toLowerCase(Locale.ROOT).replace(' ', '-') + "-" + process.pid();
    Thread reaper = new Thread(process::destroy, threads + "-reaper");
    Runtime.getRuntime().addShutdownHook(reaper);

    CompletableFuture<String> ready = new CompletableFuture<>();
    StreamTail stdout =
        StreamTail.start(
            process.getInputStream(),
            TAIL_LINES,
            line -> {
              if (line.startsWith(readyPrefix)) {
                ready.complete(line.substring(readyPrefix.length()).trim());
              }
            },
            () -> ready.completeExceptionally(new IllegalStateException("standard output ended")),
            threads + "-stdout");
    StreamTail stderr =
        StreamTail.start(
            process.getErrorStream(), TAIL_LINES, line -> {}, () -> {}, threads + "-stderr");
    try {
      return new ChildJvm(process, ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS), reaper);
    } catch (TimeoutException e) {
      throw abandon(name, process, reaper, command, stdout, stderr, timeout, e);
    } catch (ExecutionException e) {
      throw abandon(name, process, reaper, command, stdout, stderr, timeout, e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      removeHook(reaper);
      throw new IllegalStateException("Interrupted while waiting for " + name + " to start", e);
    }
  }

  /** Kills a child that did not become ready and builds the exception that says why. */
  private static IllegalStateException abandon(
      String name,
      Process process,
      Thread reaper,
      List<String> command,
      StreamTail stdout,
      StreamTail stderr,
      Duration timeout,
      Throwable cause) {
    String state;
    try {
      process.destroyForcibly().waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
      stdout.awaitEnd(OUTPUT_GRACE);
      stderr.awaitEnd(OUTPUT_GRACE);
      state =
          cause instanceof TimeoutException
              ? "was not ready within " + timeout.toSeconds() + " s"
              : "ended before it was ready (exit code " + process.exitValue() + ")";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      state = "was not ready (interrupted while collecting its output)";
    } catch (IllegalThreadStateException e) {
      state = "was not ready and could not be killed";
    }
    removeHook(reaper);
    return new IllegalStateException(
        name
            + " in its own JVM (pid "
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

  /** What followed the ready prefix on the ready line, e.g. an endpoint. */
  public String readyValue() {
    return readyValue;
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
  public Optional<Integer> exitCode() {
    return process.isAlive() ? Optional.empty() : Optional.of(process.exitValue());
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
