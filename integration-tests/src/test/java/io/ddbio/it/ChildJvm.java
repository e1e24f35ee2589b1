package io.ddbio.it;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * A server in a JVM of its own, on a class path of its own: started, awaited until it prints the
 * line announcing it is ready, and ended on {@link #close()}.
 *
 * <p>The child's main class must print exactly one line starting with the ready prefix on standard
 * output once it serves, send everything else to standard error, and end when its standard input
 * ends: this JVM holds that input open, so the child also ends if this JVM is killed outright.
 */
final class ChildJvm implements AutoCloseable {
  private static final Duration STOP_GRACE = Duration.ofSeconds(10);
  private static final Duration OUTPUT_GRACE = Duration.ofSeconds(2);
  private static final int TAIL_LINES = 50;

  private final String name;
  private final Process process;
  private final String readyValue;
  private final Thread reaper;
  private boolean closed;

  private ChildJvm(String name, Process process, String readyValue, Thread reaper) {
    this.name = name;
    this.process = process;
    this.readyValue = readyValue;
    this.reaper = reaper;
  }

  /**
   * Launches {@code mainClass} with the running JVM's {@code java} and waits for its ready line.
   *
   * @param name what the child is, for messages and thread names
   * @param readyPrefix what the ready line starts with; the rest of the line is {@link
   *     #readyValue()}
   * @throws IllegalStateException if the child ends or stays silent for {@code timeout}; the
   *     message has the end of its standard error
   */
  static ChildJvm start(
      String name,
      List<Path> classPath,
      String mainClass,
      List<String> args,
      String readyPrefix,
      Duration timeout) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(String.join(File.pathSeparator, classPath.stream().map(Path::toString).toList()));
    command.add(mainClass);
    command.addAll(args);
    Process process;
    try {
      process = new ProcessBuilder(command).start();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot launch " + name + ": " + command, e);
    }
    Thread reaper = new Thread(process::destroyForcibly, name + "-reaper");
    Runtime.getRuntime().addShutdownHook(reaper);

    CompletableFuture<String> ready = new CompletableFuture<>();
    Deque<String> stderr = new ArrayDeque<>();
    pump(
        process.getInputStream(),
        name + "-stdout",
        line -> {
          if (line.startsWith(readyPrefix)) {
            ready.complete(line.substring(readyPrefix.length()).trim());
          }
        },
        () -> ready.completeExceptionally(new IllegalStateException("standard output ended")));
    Thread stderrReader =
        pump(process.getErrorStream(), name + "-stderr", line -> remember(stderr, line), () -> {});
    try {
      return new ChildJvm(
          name, process, ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS), reaper);
    } catch (TimeoutException | ExecutionException e) {
      process.destroyForcibly();
      removeHook(reaper);
      awaitEnd(stderrReader);
      String why =
          e instanceof TimeoutException
              ? "was not ready within " + timeout.toSeconds() + " s"
              : "ended";
      throw new IllegalStateException(
          name
              + " ("
              + mainClass
              + ") "
              + why
              + "; its standard error ended with:\n"
              + tail(stderr),
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      removeHook(reaper);
      throw new IllegalStateException("Interrupted while starting " + name, e);
    }
  }

  /**
   * Reads a stream to its end on a daemon thread, so that the child never blocks writing it.
   *
   * @return the reading thread
   */
  private static Thread pump(
      InputStream in, String threadName, Consumer<String> onLine, Runnable onEnd) {
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader lines =
                  new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                  onLine.accept(line);
                }
              } catch (IOException e) {
                // The child is gone; onEnd says so.
              } finally {
                onEnd.run();
              }
            },
            threadName);
    reader.setDaemon(true);
    reader.start();
    return reader;
  }

  /** Lets a dead child's last words arrive before they are quoted; two seconds at most. */
  private static void awaitEnd(Thread reader) {
    try {
      reader.join(OUTPUT_GRACE.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void remember(Deque<String> lines, String line) {
    synchronized (lines) {
      if (lines.size() == TAIL_LINES) {
        lines.removeFirst();
      }
      lines.addLast(line);
    }
  }

  private static String tail(Deque<String> lines) {
    synchronized (lines) {
      return String.join("\n", lines);
    }
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // This JVM is shutting down; the hook runs anyway.
    }
  }

  /** What followed the ready prefix on the ready line, e.g. an endpoint. */
  String readyValue() {
    return readyValue;
  }

  /**
   * Closes the child's standard input so that it stops by itself, then terminates it if it has not
   * ended after ten seconds, then kills it. Calling it again does nothing.
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
        // Already gone; the waits below confirm it.
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
      throw new IllegalStateException("Interrupted while stopping " + name, e);
    } finally {
      removeHook(reaper);
    }
  }
}
