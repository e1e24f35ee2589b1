package io.ddbio.mapreduce;

import io.ddbio.metrics.DdbioCounter;
import io.ddbio.tool.ProgressLine;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import org.apache.hadoop.mapreduce.Counters;
import org.apache.hadoop.mapreduce.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Submits a tool's job and waits for it, printing a {@link ProgressLine} every few seconds from the
 * job's counters: in place of Hadoop's own {@code map 15% reduce 0%}, which goes back and forth on
 * the LocalJobRunner, and of a tracking URL that does not exist in local mode.
 */
public final class JobWatch {
  private static final Logger LOG = LoggerFactory.getLogger(JobWatch.class);

  /** Often enough to show the job is alive, rarely enough to keep a days-long log readable. */
  static final Duration EVERY = Duration.ofSeconds(5);

  private JobWatch() {}

  /**
   * Submits {@code job} and prints {@code <what> job <id> started}, with the URL to track it on a
   * cluster.
   *
   * @throws IOException also when a class of the job is missing from its jar
   */
  public static void submit(Job job, String what, PrintStream out)
      throws IOException, InterruptedException {
    try {
      job.submit();
    } catch (ClassNotFoundException e) {
      throw new IOException("A class of the job is missing from its jar: " + e.getMessage(), e);
    }
    boolean local = "local".equals(job.getConfiguration().get("mapreduce.framework.name", "local"));
    out.println(
        what + " job " + job.getJobID() + " started" + (local ? "" : ": " + job.getTrackingURL()));
  }

  /**
   * Returns once the submitted job has ended, polling at {@code
   * mapreduce.client.completion.pollinterval} (once a second at least) and printing a line of
   * progress every {@link #EVERY} when it has changed.
   *
   * @param items the counter of items done
   * @param capacity the counter of capacity consumed, in milliunits
   * @return whether the job succeeded
   */
  public static boolean await(
      Job job, ProgressLine line, DdbioCounter items, DdbioCounter capacity, PrintStream out)
      throws IOException, InterruptedException {
    // No slower than once a second: the default completion poll (5 s) would end each tool late.
    long poll = Math.min(Job.getCompletionPollInterval(job.getConfiguration()), 1000);
    long start = System.nanoTime();
    long nextReport = start + EVERY.toNanos();
    String last = "";
    while (!job.isComplete()) {
      Thread.sleep(poll);
      long now = System.nanoTime();
      if (now - nextReport >= 0) {
        Counters counters = countersNow(job);
        if (counters != null) {
          String text =
              line.render(
                  counters.findCounter(items).getValue(),
                  Duration.ofNanos(now - start),
                  counters.findCounter(capacity).getValue(),
                  counters.findCounter(DdbioCounter.THROTTLED_REQUESTS).getValue());
          if (!text.equals(last)) {
            out.println(text);
            last = text;
          }
        }
        nextReport = now + EVERY.toNanos();
      }
    }
    return job.isSuccessful();
  }

  /**
   * The running job's counters, or null when the cluster does not give them now: a line of progress
   * is no reason to stop waiting for a job, let alone to fail it.
   */
  private static Counters countersNow(Job job) throws InterruptedException {
    try {
      return job.getCounters();
    } catch (IOException e) {
      LOG.debug("No counters for a progress line", e);
      return null;
    }
  }
}
