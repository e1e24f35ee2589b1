package io.ddbio.export.verify.table;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs one task per parallel-scan segment on a few threads and gathers their results; the first
 * failure stops the rest and is thrown.
 */
final class SegmentWorkers {
  private SegmentWorkers() {}

  /** The work on one segment. */
  @FunctionalInterface
  interface SegmentTask<T> {
    T run(int segment) throws IOException;
  }

  /** Results of {@code task} for segments {@code 0 … segments-1}, in segment order. */
  static <T> List<T> run(int segments, int threads, SegmentTask<T> task) throws IOException {
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, segments)));
    try {
      List<Future<T>> futures = new ArrayList<>(segments);
      for (int s = 0; s < segments; s++) {
        int segment = s;
        futures.add(pool.submit(() -> task.run(segment)));
      }
      List<T> results = new ArrayList<>(segments);
      for (Future<T> f : futures) {
        results.add(f.get());
      }
      return results;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      InterruptedIOException stop = new InterruptedIOException("interrupted while scanning");
      stop.initCause(e);
      throw stop;
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      throw new IOException(cause);
    } finally {
      // Interrupts the segments still running when one failed.
      pool.shutdownNow();
    }
  }
}
