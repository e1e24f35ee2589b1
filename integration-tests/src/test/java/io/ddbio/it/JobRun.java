package io.ddbio.it;

import java.io.IOException;
import java.time.Duration;
import org.apache.hadoop.mapreduce.Counters;
import org.apache.hadoop.mapreduce.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a job to its end and keeps what a test checks afterwards: its counters, fetched once (on
 * YARN each fetch after the end of a job is a call to the history server).
 *
 * @param job the finished job
 * @param counters its counters
 * @param duration from submission to the end
 */
public record JobRun(Job job, Counters counters, Duration duration) {
  private static final Logger LOG = LoggerFactory.getLogger(JobRun.class);

  /**
   * Submits {@code job}, waits for it and fetches its counters.
   *
   * @throws AssertionError if the job did not succeed, with its state and failure diagnostics
   */
  public static JobRun succeed(Job job) throws IOException, InterruptedException {
    long begin = System.nanoTime();
    boolean ok;
    try {
      ok = job.waitForCompletion(false);
    } catch (ClassNotFoundException e) {
      throw new AssertionError("Job " + job.getJobName() + " names a class that is missing", e);
    }
    Duration duration = Duration.ofNanos(System.nanoTime() - begin);
    if (!ok) {
      throw new AssertionError(
          "Job "
              + job.getJobName()
              + " ("
              + job.getJobID()
              + ") ended "
              + job.getJobState()
              + ": "
              + job.getStatus().getFailureInfo());
    }
    Counters counters = job.getCounters();
    LOG.info(
        "Job {} ({}) succeeded in {} ms", job.getJobName(), job.getJobID(), duration.toMillis());
    return new JobRun(job, counters, duration);
  }

  /** The value of one counter. */
  public long counter(Enum<?> counter) {
    return counters.findCounter(counter).getValue();
  }
}
