package io.ddbio.mapreduce;

import io.ddbio.metrics.DdbioCounter;
import io.ddbio.retry.Sleeper;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.ToLongFunction;
import org.apache.hadoop.mapreduce.Counters;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.MRJobConfig;
import org.apache.hadoop.mapreduce.TaskCounter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A finished job's counters, read for the tools' final checks, or a failure when they are not there
 * to read. A count that cannot be read is unknown, not zero: read as zero, a lost import's "0 read,
 * 0 written" would pass its own check.
 *
 * <p>They go missing in practice: on YARN, once the application master has exited, the client asks
 * the job history server, and when that is down or has not yet got the job, Hadoop's client answers
 * with an empty set of counters (no group at all) rather than an error. A job that ran a task
 * always has the framework's {@link TaskCounter} group, so its absence marks counters that were not
 * read.
 */
public final class JobCounts {
  /** How a tool reads a finished job's counters; tests stand in for a cluster that lost them. */
  @FunctionalInterface
  public interface Source {
    /** Hadoop's own answer: {@link Job#getCounters()}. */
    Source HADOOP = Job::getCounters;

    /**
     * @return the job's counters, or null when the cluster has none to give
     */
    Counters read(Job job) throws IOException, InterruptedException;
  }

  private static final Logger LOG = LoggerFactory.getLogger(JobCounts.class);

  /** Reads of missing counters before they are taken as unknown. */
  static final int READ_ATTEMPTS = 3;

  static final Duration READ_PAUSE = Duration.ofSeconds(3);

  private JobCounts() {}

  /**
   * Reads the job's counters, asking again a few times while they are missing: the history server
   * may be restarting, or not yet have the job, and counts given up on too soon fail (and, for an
   * export, remove) a job that did its work.
   *
   * @return the job's counters as {@code source} gives them, or null when it has none or fails (the
   *     failure is logged; {@link #unknown} then says the counts are unknown)
   */
  public static Counters read(Job job, Source source) throws InterruptedException {
    return read(job, source, Sleeper.system());
  }

  static Counters read(Job job, Source source, Sleeper sleeper) throws InterruptedException {
    Counters counters = null;
    for (int attempt = 1; attempt <= READ_ATTEMPTS; attempt++) {
      try {
        counters = source.read(job);
      } catch (IOException e) {
        LOG.warn("Could not read the counters of job {}", job.getJobID(), e);
        counters = null;
      }
      if (unknown(job, counters).isEmpty()) {
        return counters;
      }
      if (attempt < READ_ATTEMPTS) {
        LOG.warn(
            "The counters of job {} are missing; asking again in {} s",
            job.getJobID(),
            READ_PAUSE.toSeconds());
        sleeper.sleep(READ_PAUSE);
      }
    }
    return counters;
  }

  /**
   * A finished job's counters, as a tool may use them for its checks and summary.
   *
   * @param counters the counters read; null when none could be read, and also when the job
   *     succeeded but they cannot be trusted: read as zeros, a check could compare 0 with 0 (a
   *     failed job's are kept as they are: the job has failed anyway)
   * @param unknown why the counts are unknown ({@link #unknown}); empty when they are known
   */
  public record Checked(Counters counters, Optional<String> unknown) {}

  /** Reads the ended job's counters ({@link #read}) and says whether they can be trusted. */
  public static Checked readChecked(Job job, Source source, boolean succeeded)
      throws InterruptedException {
    Counters counters = read(job, source);
    Optional<String> unknown = unknown(job, counters);
    return new Checked(succeeded && unknown.isPresent() ? null : counters, unknown);
  }

  /**
   * Whether {@code counters}, as read for {@code job}, can be trusted to hold its counts.
   *
   * @param counters what {@link Source#read} gave, possibly null
   * @return why the counts are unknown, naming the job; empty when they are known
   */
  public static Optional<String> unknown(Job job, Counters counters) {
    int tasks =
        job.getConfiguration().getInt(MRJobConfig.NUM_MAPS, 0)
            + job.getConfiguration().getInt(MRJobConfig.NUM_REDUCES, 0);
    if (counters != null && (tasks == 0 || hasGroup(counters, TaskCounter.class.getName()))) {
      return Optional.empty();
    }
    return Optional.of(
        "The counters of job "
            + job.getJobID()
            + " could not be read"
            + (counters == null ? "" : " (the cluster answered with none)")
            + ", so its item counts are unknown and cannot be checked. Is the job history server"
            + " running? Treat the result as incomplete");
  }

  /**
   * Each of our counters' total in {@code counters} (0 for one no task incremented, and for all
   * when {@code counters} is null).
   */
  public static ToLongFunction<DdbioCounter> totals(Counters counters) {
    return counters == null ? c -> 0 : c -> counters.findCounter(c).getValue();
  }

  private static boolean hasGroup(Counters counters, String name) {
    for (String group : counters.getGroupNames()) {
      if (group.equals(name)) {
        return true;
      }
    }
    return false;
  }
}
