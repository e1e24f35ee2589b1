package io.ddbio.parallel;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs one piece of I/O work per input on a few threads and gathers the results in the inputs'
 * order; the first failure, in that order, is thrown and the work still running is interrupted.
 * Used where many requests of one kind wait on the network: the verifier's segments and the job
 * commit's task records.
 */
public final class InParallel {
  private InParallel() {}

  /** The work on one input; may throw. */
  @FunctionalInterface
  public interface Work<T, R> {
    R apply(T input) throws IOException;
  }

  /**
   * @param threads the most pieces of work running at once
   * @param what what the work is, for the message of an interrupted run ("reading the task
   *     records")
   * @return the results, in the order of {@code inputs}
   */
  public static <T, R> List<R> map(List<T> inputs, int threads, String what, Work<T, R> work)
      throws IOException {
    if (inputs.size() <= 1) {
      List<R> results = new ArrayList<>(inputs.size());
      for (T t : inputs) {
        results.add(work.apply(t));
      }
      return results;
    }
    ExecutorService pool =
        Executors.newFixedThreadPool(
            Math.max(1, Math.min(threads, inputs.size())),
            r -> {
              Thread t = new Thread(r, "ddbio-parallel");
              t.setDaemon(true);
              return t;
            });
    try {
      List<Future<R>> pending = new ArrayList<>(inputs.size());
      for (T t : inputs) {
        pending.add(pool.submit(() -> work.apply(t)));
      }
      List<R> results = new ArrayList<>(inputs.size());
      for (Future<R> f : pending) {
        results.add(f.get());
      }
      return results;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      InterruptedIOException stop = new InterruptedIOException("interrupted while " + what);
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
      // Interrupts the work still running when one piece failed.
      pool.shutdownNow();
    }
  }

  /** The numbers {@code 0 … count-1}, for work over segments. */
  public static List<Integer> range(int count) {
    List<Integer> all = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      all.add(i);
    }
    return all;
  }
}
