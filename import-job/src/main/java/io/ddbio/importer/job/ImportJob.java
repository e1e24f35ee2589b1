package io.ddbio.importer.job;

import io.ddbio.backup.ExportMetadata;
import io.ddbio.config.DdbioKeys;
import io.ddbio.importer.check.StoredChecksum;
import io.ddbio.importer.input.BackupInputFormat;
import io.ddbio.importer.layout.BackupLayout;
import io.ddbio.mapreduce.ClusterSlots;
import io.ddbio.mapreduce.DynamoDBItemWritable;
import io.ddbio.mapreduce.DynamoDBOutputFormat;
import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.mapreduce.Job;

/**
 * Wires the map-only import job: {@link BackupInputFormat} over the backup's data files, {@link
 * ImportMapper}, {@link ImportOutputFormat} into the table (and the rejects directory, if bad
 * records are set aside).
 */
public final class ImportJob {
  private ImportJob() {}

  /**
   * Creates the job (not yet submitted).
   *
   * @param conf the configuration, with the output table and throughput options set
   * @param layout the backup's data files; each becomes one map task
   */
  public static Job create(Configuration conf, BackupLayout layout) throws IOException {
    String table = conf.get(DdbioKeys.OUTPUT_TABLE.name());
    Job job = Job.getInstance(conf, "ddbio import of " + layout.directory() + " into " + table);
    job.setJarByClass(ImportJob.class);

    job.setInputFormatClass(BackupInputFormat.class);
    BackupInputFormat.setDataFiles(job, layout.paths());
    job.setMapperClass(ImportMapper.class);
    if (layout.metadata().isPresent()) {
      StoredChecksum.configure(
          job.getConfiguration(),
          new org.apache.hadoop.fs.Path(layout.directory(), ExportMetadata.FILE_NAME));
    }
    writeToTable(job, layout.dataFiles().size());
    return job;
  }

  /**
   * Makes {@code job} a map-only job writing into the output table: the part every import shares,
   * whatever it reads.
   *
   * @param splits the job's splits (one per data file)
   */
  static void writeToTable(Job job, int splits) {
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
