package io.ddbio.importer;

import io.ddbio.metrics.DdbioCounter;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.mapreduce.Counters;
import org.apache.hadoop.mapreduce.Job;

/** Waits for a submitted job, printing a line of progress now and then. */
final class JobProgress {
  /** Often enough to show the job is alive, rarely enough to keep a long import's log short. */
  static final long REPORT_EVERY_NANOS = TimeUnit.SECONDS.toNanos(15);

  private JobProgress() {}

  /**
   * Returns once the job has ended; polls at {@code mapreduce.client.completion.pollinterval}.
   *
   * @return whether it succeeded
   */
  static boolean await(Job job, PrintStream out) throws IOException, InterruptedException {
    long poll = Job.getCompletionPollInterval(job.getConfiguration());
    long nextReport = System.nanoTime() + REPORT_EVERY_NANOS;
    String last = "";
    while (!job.isComplete()) {
      Thread.sleep(poll);
      if (System.nanoTime() - nextReport >= 0) {
        String line = line(job);
        if (!line.equals(last)) {
          out.println(line);
          last = line;
        }
        nextReport = System.nanoTime() + REPORT_EVERY_NANOS;
      }
    }
    return job.isSuccessful();
  }

  private static String line(Job job) throws IOException {
    Counters counters = job.getCounters();
    long written =
        counters == null ? 0 : counters.findCounter(DdbioCounter.ITEMS_WRITTEN).getValue();
    return String.format(
        Locale.ROOT,
        "Import %s: map %.0f%%, %,d items written",
        job.getJobID(),
        job.mapProgress() * 100,
        written);
  }
}
