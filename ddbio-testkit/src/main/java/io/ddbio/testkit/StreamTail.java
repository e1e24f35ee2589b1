package io.ddbio.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;

/**
 * Reads a child process's output on a daemon thread to its end, so the child never blocks on a full
 * pipe, hands each line to a listener, and keeps the last lines for error messages.
 */
final class StreamTail {
  private final Deque<String> lastLines = new ArrayDeque<>();
  private final int maxLines;
  private final Thread reader;

  private StreamTail(
      InputStream in, int maxLines, Consumer<String> onLine, Runnable onEnd, String name) {
    this.maxLines = maxLines;
    this.reader = new Thread(() -> pump(in, onLine, onEnd), name);
    reader.setDaemon(true);
  }

  /**
   * Starts reading.
   *
   * @param onLine called on the reading thread with each line
   * @param onEnd called on the reading thread when the stream ends or fails
   */
  static StreamTail start(
      InputStream in, int maxLines, Consumer<String> onLine, Runnable onEnd, String threadName) {
    StreamTail tail = new StreamTail(in, maxLines, onLine, onEnd, threadName);
    tail.reader.start();
    return tail;
  }

  private void pump(InputStream in, Consumer<String> onLine, Runnable onEnd) {
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        remember(line);
        onLine.accept(line);
      }
    } catch (IOException e) {
      remember("(reading stopped: " + e + ")");
    } finally {
      onEnd.run();
    }
  }

  private synchronized void remember(String line) {
    if (lastLines.size() == maxLines) {
      lastLines.removeFirst();
    }
    lastLines.addLast(line);
  }

  /** Waits at most {@code limit} for the stream to end; used before reporting what a child said. */
  void awaitEnd(Duration limit) throws InterruptedException {
    reader.join(Math.max(1, limit.toMillis()));
  }

  /** The last lines read, oldest first, one per line. */
  synchronized String lastLines() {
    return String.join(System.lineSeparator(), lastLines);
  }
}
