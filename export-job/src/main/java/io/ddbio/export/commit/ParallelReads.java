package io.ddbio.export.commit;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Reads many small objects at once. On an object store each read is a round trip of tens of
 * milliseconds, so a job commit that read its 100,000 task records one after another would spend
 * most of an hour waiting (docs/PERFORMANCE.md, "A 50 TB table"); a few dozen reads in flight cut
 * that by as much, as Hadoop's S3A committers do with their thread pool.
 */
final class ParallelReads {
  /** Reads in flight: enough to hide S3's latency, few enough not to be throttled for them. */
  static final int THREADS = 32;

  /** One read; may throw. */
  interface Read<T, R> {
    R apply(T t) throws IOException;
  }

  private ParallelReads() {}

  /**
   * @return the results in the order of {@code inputs}
   * @throws IOException the first failure (in input order); the other reads are cancelled
   */
  static <T, R> List<R> readAll(List<T> inputs, Read<T, R> read) throws IOException {
    if (inputs.size() <= 1) {
      List<R> results = new ArrayList<>(inputs.size());
      for (T t : inputs) {
        results.add(read.apply(t));
      }
      return results;
    }
    ExecutorService pool =
        Executors.newFixedThreadPool(
            Math.min(THREADS, inputs.size()),
            r -> {
              Thread t = new Thread(r, "ddbio-commit-read");
              t.setDaemon(true);
              return t;
            });
    try {
      List<Future<R>> pending = new ArrayList<>(inputs.size());
      for (T t : inputs) {
        pending.add(pool.submit(() -> read.apply(t)));
      }
      List<R> results = new ArrayList<>(inputs.size());
      for (Future<R> f : pending) {
        results.add(f.get());
      }
      return results;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("Interrupted while reading the task records");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      throw new IOException(cause);
    } finally {
      pool.shutdownNow();
    }
  }
}
