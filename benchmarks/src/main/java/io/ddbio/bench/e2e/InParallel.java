package io.ddbio.bench.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/** Runs the parts of a raw phase (scan segments, shares of a load) each on a thread of its own. */
final class InParallel {
  private InParallel() {}

  /**
   * Runs parts {@code 0 … parts-1} at once and adds up what they counted.
   *
   * @param part part {@code p}, which returns its item count and its request (or page) count
   * @return the items and requests of all parts; raw phases have no capacity budget to wait for
   */
  static Meter.Done run(int parts, IntFunction<Callable<long[]>> part)
      throws InterruptedException, ExecutionException {
    ExecutorService pool = Executors.newFixedThreadPool(parts);
    try {
      List<Future<long[]>> futures = new ArrayList<>();
      for (int p = 0; p < parts; p++) {
        futures.add(pool.submit(part.apply(p)));
      }
      long items = 0;
      long requests = 0;
      for (Future<long[]> future : futures) {
        long[] counts = future.get();
        items += counts[0];
        requests += counts[1];
      }
      return new Meter.Done(items, requests, -1);
    } finally {
      pool.shutdownNow();
    }
  }
}
