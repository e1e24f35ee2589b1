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
   * Reads the ended job's counters and keeps them ({@link JobCounts#readChecked}): a succeeded
   * job's counters that cannot be trusted are not kept.
   *
   * @return why the counts are unknown ({@link JobCounts#unknown}); empty when they are known
   */
  protected final Optional<String> readCounters(Job job, boolean succeeded)
      throws InterruptedException {
    JobCounts.Checked read = JobCounts.readChecked(job, counterSource, succeeded);
    counters = read.counters();
    return read.unknown();
  }

  /** The counters of the job this tool last ran, or null if none ran or they are not kept. */
  protected final Counters lastCounters() {
    return counters;
  }
}
