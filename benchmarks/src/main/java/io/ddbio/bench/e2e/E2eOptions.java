package io.ddbio.bench.e2e;

import io.ddbio.tool.Arguments;
import io.ddbio.tool.UsageException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/**
 * What the end-to-end harness is asked to do.
 *
 * @param items items in the source table
 * @param threads T: raw scan threads = scan segments = export map threads, and raw writer threads =
 *     import map threads, so ours and the limit always run at the same concurrency
 * @param pageLimit the raw scan's {@code Limit} and {@code dynamodb.scan.page.limit}
 * @param loaders threads loading the source table
 * @param rounds how many times each measurement is repeated (raw and ours alternate)
 * @param workDir where job output, Hadoop's scratch files and the results go
 * @param memoryCheck run the heap check instead of the throughput comparison
 * @param taskHeap the heap of the export JVM in the heap check, as for {@code -Xmx}
 * @param results where to write the figures for the chart, if anywhere
 */
public record E2eOptions(
    int items,
    int threads,
    int pageLimit,
    int loaders,
    int rounds,
    Path workDir,
    boolean memoryCheck,
    String taskHeap,
    Optional<Path> results) {

  /** The command line's usage. */
  public static final String USAGE =
      String.join(
          "\n",
          "Usage: EndToEnd [--items N] [--threads T] [--page-limit L] [--loaders N] [--rounds R]",
          "                [--work-dir DIR] [--results FILE] [--memory-check [--task-heap 256m]]",
          "  --items N         items in the source table (default 200000; 1000000 with"
              + " --memory-check)",
          "  --threads T       scan segments / map threads / raw threads, the same for raw and"
              + " ours (default 2)",
          "  --page-limit L    Scan Limit of the raw scan and dynamodb.scan.page.limit (default"
              + " 1000)",
          "  --loaders N       threads loading the source table (default 4)",
          "  --rounds R        repeat each measurement R times, raw and ours alternating (default 1)",
          "  --work-dir DIR    scratch and output directory (default: a new directory under /tmp)",
          "  --results FILE    also write the figures as a properties file, for the chart",
          "  --memory-check    export the table in a child JVM with a small heap and report its"
              + " peak heap",
          "  --task-heap SIZE  the child JVM's -Xmx in the memory check (default 256m)");

  /**
   * Parses the command line.
   *
   * @throws UsageException for an unknown option or a bad value
   */
  public static E2eOptions parse(String[] args, Path defaultWorkDir) {
    Arguments a =
        Arguments.parse(
            args,
            Set.of(
                "items",
                "threads",
                "page-limit",
                "loaders",
                "rounds",
                "work-dir",
                "results",
                "task-heap"),
            Set.of("memory-check", "help"));
    if (a.flag("help")) {
      throw new UsageException(USAGE);
    }
    if (!a.positional().isEmpty()) {
      throw new UsageException("Unexpected argument " + a.positional().get(0) + "\n" + USAGE);
    }
    boolean memoryCheck = a.flag("memory-check");
    int items = positive(a, "items", memoryCheck ? 1_000_000 : 200_000);
    int pageLimit = positive(a, "page-limit", 1000);
    if (pageLimit > 10_000) {
      throw new UsageException("--page-limit must be at most 10000");
    }
    return new E2eOptions(
        items,
        positive(a, "threads", 2),
        pageLimit,
        positive(a, "loaders", 4),
        positive(a, "rounds", 1),
        a.option("work-dir").map(Path::of).orElse(defaultWorkDir),
        memoryCheck,
        a.option("task-heap").orElse("256m"),
        a.option("results").map(Path::of));
  }

  private static int positive(Arguments a, String name, int fallback) {
    int value = a.option(name).map(v -> Arguments.integer(v, "--" + name)).orElse(fallback);
    if (value < 1) {
      throw new UsageException("--" + name + " must be at least 1, was " + value);
    }
    return value;
  }
}
