package io.ddbio.bench.e2e;

import io.ddbio.config.DdbioKeys;
import io.ddbio.mapreduce.DynamoDBInputFormat;
import io.ddbio.mapreduce.DynamoDBItemWritable;
import io.ddbio.mapreduce.DynamoDBJobs;
import io.ddbio.mapreduce.DynamoDBOutputFormat;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.hadoop.mapreduce.lib.input.TextInputFormat;
import org.apache.hadoop.mapreduce.lib.output.FileOutputFormat;
import org.apache.hadoop.mapreduce.lib.output.TextOutputFormat;

/**
 * The two jobs the harness measures, built in one place so that the export and import tools can
 * replace them when they land: both are map-only jobs on Hadoop's LocalJobRunner, on the local
 * disk.
 *
 * <ul>
 *   <li>export: {@link DynamoDBInputFormat} (T segments in T splits, T map threads) → one Data
 *       Pipeline line per item → {@link TextOutputFormat}, one file per split;
 *   <li>import: {@link TextInputFormat} over those files (one split per file, T map threads) → item
 *       → {@link DynamoDBOutputFormat}.
 * </ul>
 *
 * <p>The capacity budget is set far above what DynamoDB Local can do, so that it never paces the
 * jobs: the comparison is with raw requests that have no budget at all.
 */
final class BenchJobs {
  /** Read and write capacity the jobs budget against: far beyond DynamoDB Local's speed. */
  static final double UNLIMITED_UNITS = 10_000_000;

  private BenchJobs() {}

  /** Where DynamoDB Local is and how the jobs run on this machine. */
  record Setup(URI endpoint, Path workDir, int threads, int pageLimit) {}

  /** The export of {@code table} into {@code output} (which must not exist). */
  static Job exportJob(Setup setup, String table, Path output) throws IOException {
    Configuration conf = localConf(setup, "export-" + table);
    DynamoDBJobs.setInputTable(conf, table, 1.0);
    conf.setDouble(DdbioKeys.READ_UNITS.name(), UNLIMITED_UNITS);
    conf.setInt(DdbioKeys.SCAN_SEGMENTS.name(), setup.threads());
    conf.setInt(DdbioKeys.MAX_MAP_TASKS.name(), setup.threads());
    conf.setInt(DdbioKeys.SCAN_PAGE_LIMIT.name(), setup.pageLimit());

    Job job = Job.getInstance(conf, "bench export " + table);
    job.setJarByClass(BenchJobs.class);
    job.setInputFormatClass(DynamoDBInputFormat.class);
    job.setMapperClass(ItemsToLinesMapper.class);
    job.setNumReduceTasks(0);
    job.setOutputKeyClass(Text.class);
    job.setOutputValueClass(NullWritable.class);
    job.setOutputFormatClass(TextOutputFormat.class);
    FileOutputFormat.setOutputPath(job, hadoopPath(output));
    return job;
  }

  /** The import of the files in {@code input} into {@code table}. */
  static Job importJob(Setup setup, Path input, String table) throws IOException {
    Configuration conf = localConf(setup, "import-" + table);
    DynamoDBJobs.setOutputTable(conf, table, 1.0);
    conf.setDouble(DdbioKeys.WRITE_UNITS.name(), UNLIMITED_UNITS);
    conf.setInt(DdbioKeys.CONCURRENT_TASKS.name(), setup.threads());
    // One split per export file, so the import runs as many tasks as the export wrote files.
    conf.setLong(FileInputFormat.SPLIT_MINSIZE, Long.MAX_VALUE);

    Job job = Job.getInstance(conf, "bench import " + table);
    job.setJarByClass(BenchJobs.class);
    job.setInputFormatClass(TextInputFormat.class);
    job.setMapperClass(LinesToItemsMapper.class);
    job.setNumReduceTasks(0);
    job.setOutputKeyClass(NullWritable.class);
    job.setOutputValueClass(DynamoDBItemWritable.class);
    job.setOutputFormatClass(DynamoDBOutputFormat.class);
    FileInputFormat.setInputPaths(job, hadoopPath(input));
    return job;
  }

  /** Runs a job to its end; fails unless it succeeds. */
  static Job run(Job job) throws IOException, InterruptedException, ClassNotFoundException {
    if (!job.waitForCompletion(false)) {
      throw new IllegalStateException(
          "Job \"" + job.getJobName() + "\" failed: " + job.getStatus().getFailureInfo());
    }
    return job;
  }

  private static Configuration localConf(Setup setup, String name) {
    Configuration conf = new Configuration();
    conf.set("mapreduce.framework.name", "local");
    conf.set("fs.defaultFS", "file:///");
    Path scratch = setup.workDir().resolve("hadoop").resolve(name);
    conf.set("hadoop.tmp.dir", scratch.resolve("tmp").toString());
    conf.set("mapreduce.jobtracker.staging.root.dir", scratch.resolve("staging").toString());
    conf.setInt("mapreduce.local.map.tasks.maximum", setup.threads());
    // The client otherwise checks for completion every 5 s, which would be counted as job time.
    conf.setInt("mapreduce.client.completion.pollinterval", 50);
    conf.setBoolean("mapreduce.map.speculative", false);
    DynamoDBJobs.setEndpoint(conf, setup.endpoint().toString(), "us-east-1");
    // DynamoDB Local accepts any key; fixed ones keep the SDK from searching for credentials.
    conf.set(DdbioKeys.ACCESS_KEY.name(), "local");
    conf.set(DdbioKeys.SECRET_KEY.name(), "local");
    return conf;
  }

  private static org.apache.hadoop.fs.Path hadoopPath(Path path) {
    return new org.apache.hadoop.fs.Path(path.toAbsolutePath().toUri());
  }
}
