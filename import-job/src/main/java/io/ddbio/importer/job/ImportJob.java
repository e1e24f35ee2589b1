package io.ddbio.importer.job;

import io.ddbio.config.DdbioKeys;
import io.ddbio.importer.layout.BackupLayout;
import io.ddbio.mapreduce.ClusterSlots;
import io.ddbio.mapreduce.DynamoDBItemWritable;
import io.ddbio.mapreduce.DynamoDBOutputFormat;
import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.mapreduce.Job;

/**
 * Wires the map-only import job: the input format and mapper its {@link ImportSource} reads with,
 * then {@link ImportOutputFormat} into the table (and the rejects directory, if bad records are set
 * aside), the same for every import.
 */
public final class ImportJob {
  private ImportJob() {}

  /**
   * Creates the job (not yet submitted) for a Data Pipeline export found already, as {@link
   * ImportSource#createJob} does for it.
   *
   * @param conf the configuration, with the output table and throughput options set
   * @param layout the backup's data files; each becomes one map task
   */
  public static Job create(Configuration conf, BackupLayout layout) throws IOException {
    return create(conf, new DataPipelineSource(layout), 0);
  }

  /**
   * Creates the job (not yet submitted).
   *
   * @param conf the configuration, with the output table and throughput options set
   * @param source the backup; each of its data files becomes one map task
   * @param skipped how many of its files a resumed import leaves out (see {@link
   *     io.ddbio.importer.progress.ImportProgress#remaining})
   */
  static Job create(Configuration conf, ImportSource source, int skipped) throws IOException {
    String table = conf.get(DdbioKeys.OUTPUT_TABLE.name());
    Job job = Job.getInstance(conf, "ddbio import of " + source.directory() + " into " + table);
    job.setJarByClass(ImportJob.class);
    writeToTable(job, source.configureInput(job) - skipped);
    return job;
  }

  /**
   * Makes {@code job} a map-only job writing into the output table: the part every import shares,
   * whatever it reads.
   *
   * @param splits the job's splits (one per data file left to import)
   */
  private static void writeToTable(Job job, int splits) {
    job.setNumReduceTasks(0);
    job.setOutputKeyClass(NullWritable.class);
    job.setOutputValueClass(DynamoDBItemWritable.class);
    job.setOutputFormatClass(ImportOutputFormat.class);

    // A speculative attempt would write the same items again: harmless to the table (a put
    // replaces), but it spends capacity outside the budget the tasks share.
    job.setSpeculativeExecution(false);
    // A plan, not dynamodb.concurrent.tasks: the tasks still share the budget while they run, so
    // the last ones take the share of those finished and all follow a change of capacity.
    Configuration jobConf = job.getConfiguration();
    DynamoDBOutputFormat.setPlannedTasks(
        jobConf, concurrentTasks(splits, ClusterSlots.mapSlots(jobConf)));
  }

  /**
   * How many tasks write at once: one per split, but no more than the cluster runs at once.
   *
   * @param splits the job's splits (one per data file)
   * @param slots the cluster's map slots, 0 when unknown
   */
  static int concurrentTasks(int splits, int slots) {
    return Math.max(1, slots > 0 ? Math.min(splits, slots) : splits);
  }
}
