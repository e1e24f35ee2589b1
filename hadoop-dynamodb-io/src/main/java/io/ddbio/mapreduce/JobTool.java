package io.ddbio.mapreduce;

import java.io.PrintStream;
import java.util.Optional;
import java.util.function.Function;
import org.apache.hadoop.mapreduce.Counters;
import org.apache.hadoop.mapreduce.Job;

/**
 * A {@link DdbioTool} that runs one MapReduce job and keeps its counters for the caller.
 *
 * @param <A> the tool's command line
 */
public abstract class JobTool<A extends DdbioTool.CommandLine> extends DdbioTool<A> {
  private final JobCounts.Source counterSource;
  private Counters counters;

  /**
   * The parameters are {@link DdbioTool}'s, and:
   *
   * @param counterSource how the finished job's counters are read
   */
  protected JobTool(
      PrintStream out,
      PrintStream err,
      String usage,
      Function<String[], A> parser,
      JobCounts.Source counterSource) {
    super(out, err, usage, parser);
    this.counterSource = counterSource;
  }

  @Override
  public int run(String[] args) {
    counters = null;
    return super.run(args);
  }

  /**
   * Reads the ended job's counters ({@link JobCounts#read}). A succeeded job's counters that cannot
   * be trusted are not kept: read as zeros, a check could compare 0 with 0. (A failed job's are
   * kept as they are: the job has failed anyway.)
   *
   * @return why the counts are unknown ({@link JobCounts#unknown}); empty when they are known
   */
  protected final Optional<String> readCounters(Job job, boolean succeeded)
      throws InterruptedException {
    counters = JobCounts.read(job, counterSource);
    Optional<String> unknown = JobCounts.unknown(job, counters);
    if (succeeded && unknown.isPresent()) {
      counters = null;
    }
    return unknown;
  }

  /** The counters of the job this tool last ran, or null if none ran or they are not kept. */
  protected final Counters lastCounters() {
    return counters;
  }
}
