package io.ddbio.bench.e2e;

import io.ddbio.metrics.DdbioCounter;
import java.net.URI;
import java.nio.file.Path;

/**
 * The JVM of the memory check: runs the export tool with one segment and one map thread over the
 * whole table, in a heap as small as a map task's, and prints one line {@value
 * #RESULT_PREFIX}{@code key=value ...} with what {@link HeapWatch} saw. Started by {@link
 * MemoryCheck}; exits 0 only if the job succeeded.
 *
 * <p>Arguments: endpoint, table, output directory, work directory, page limit.
 */
public final class ExportProbe {
  /** What the result line starts with. */
  static final String RESULT_PREFIX = "EXPORT_PROBE ";

  private ExportProbe() {}

  /** Runs the export and prints the result line. */
  public static void main(String[] args) throws Exception {
    URI endpoint = URI.create(args[0]);
    String table = args[1];
    Path output = Path.of(args[2]);
    Path workDir = Path.of(args[3]);
    int pageLimit = Integer.parseInt(args[4]);

    HeapWatch watch = HeapWatch.start();
    long start = System.nanoTime();
    try {
      // One thread, one segment, one split: a single map task reads every item.
      long items =
          BenchJobs.export(new BenchJobs.Setup(endpoint, workDir, 1, pageLimit), table, output)
              .findCounter(DdbioCounter.ITEMS_READ)
              .getValue();
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.println(
          RESULT_PREFIX
              + "items="
              + items
              + " seconds="
              + String.format("%.1f", seconds)
              + " maxHeap="
              + Runtime.getRuntime().maxMemory()
              + " peakUsed="
              + watch.peakUsed()
              + " maxUsedAfterGc="
              + watch.maxUsedAfterGc()
              + " collections="
              + watch.collections());
      System.out.flush();
    } catch (Throwable e) {
      e.printStackTrace();
      // Threads the job left behind would keep the JVM alive; the failure is what matters.
      System.exit(1);
    }
    // LocalJobRunner leaves non-daemon threads behind; the result is out, so end here.
    System.exit(0);
  }
}
