package io.ddbio.it.bench;

import io.ddbio.backup.DataPipelineManifest;
import io.ddbio.backup.ExportMetadata;
import io.ddbio.config.DdbioKeys;
import io.ddbio.importer.input.BackupInputFormat;
import io.ddbio.importer.job.ImportJob;
import io.ddbio.importer.layout.BackupLayout;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.Job;

/**
 * The scale model of issue 14 (docs/PERFORMANCE.md, "A 50 TB table"), measured by simulation: the
 * planner on synthetic DescribeTable answers up to 50 TB and 100 billion items ({@link
 * PlannerScale}); then, for each task count, an export of that many synthetic task outputs
 * committed by the real committer ({@link CommitScale}), and the import of that export planned by
 * the real import job ({@code BackupLayout} to {@code getSplits}), on local files and on s3proxy.
 * Each cost is printed with its count so that its growth can be read off.
 *
 * <p>Not a test: run by {@code benchmarks/run-scale.sh}. Arguments: {@code <work dir> <local task
 * counts, comma separated> [<s3proxy task counts, comma separated>]}.
 */
public final class ScaleModel {
  private ScaleModel() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: ScaleModel <work dir> <local task counts> [<s3 task counts>]");
      System.exit(2);
    }
    Path work = Path.of(args[0]);
    Files.createDirectories(work);
    PlannerScale.write(work);
    BenchTable rows =
        new BenchTable(
            "store\ttasks\tjob commit s\tcommit peak heap MB\tmanifest KB\tddbio-export.json KB"
                + "\timport layout s\timport getSplits s\timport job.xml KB");
    for (int tasks : counts(args[1])) {
      rows.add(run("local", localConf(), localOut(work, tasks), tasks));
    }
    if (args.length > 2) {
      BenchTable.onS3proxy(
          work,
          (s3, conf) -> {
            for (int tasks : counts(args[2])) {
              rows.add(run("s3proxy", conf, s3.path("scale/tasks-" + tasks), tasks));
            }
          });
    }
    rows.write(work, "scale-commit.tsv");
  }

  private static String run(
      String store, Configuration conf, org.apache.hadoop.fs.Path out, int tasks) throws Exception {
    FileSystem fs = out.getFileSystem(conf);
    fs.delete(out, true);
    CommitScale.Result commit = CommitScale.commit(conf, out, tasks);
    long manifest =
        fs.getFileStatus(new org.apache.hadoop.fs.Path(out, DataPipelineManifest.FILE_NAME))
            .getLen();
    long metadata =
        fs.getFileStatus(new org.apache.hadoop.fs.Path(out, ExportMetadata.FILE_NAME)).getLen();

    Configuration importConf = new Configuration(conf);
    importConf.set(DdbioKeys.OUTPUT_TABLE.name(), "Scale");
    long start = System.nanoTime();
    BackupLayout layout = BackupLayout.locate(out, importConf, false);
    long layoutNanos = System.nanoTime() - start;
    if (layout.dataFiles().size() != tasks) {
      throw new IllegalStateException(
          "the import found " + layout.dataFiles().size() + " data files, not " + tasks);
    }
    Job job = ImportJob.create(importConf, layout);
    start = System.nanoTime();
    List<InputSplit> splits = new BackupInputFormat().getSplits(job);
    long splitNanos = System.nanoTime() - start;
    if (splits.size() != tasks) {
      throw new IllegalStateException("the import planned " + splits.size() + " splits");
    }
    long jobXml = xmlBytes(job.getConfiguration());
    fs.delete(out, true);
    return String.format(
        Locale.ROOT,
        "%s\t%d\t%.2f\t%.0f\t%.0f\t%.0f\t%.2f\t%.2f\t%.0f",
        store,
        tasks,
        commit.nanos() / 1e9,
        commit.peakHeapBytes() / 1048576.0,
        manifest / 1024.0,
        metadata / 1024.0,
        layoutNanos / 1e9,
        splitNanos / 1e9,
        jobXml / 1024.0);
  }

  /** The bytes of {@code conf} as job.xml, which every task of the job downloads and parses. */
  private static long xmlBytes(Configuration conf) throws IOException {
    CountingStream counter = new CountingStream();
    conf.writeXml(counter);
    return counter.bytes;
  }

  /** Peak heap of every heap pool since {@link #resetPeakHeap()}, summed. */
  static long peakHeap() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum;
  }

  static void resetPeakHeap() {
    System.gc();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pool.resetPeakUsage();
      }
    }
  }

  private static Configuration localConf() {
    Configuration conf = new Configuration();
    conf.set("fs.defaultFS", "file:///");
    return conf;
  }

  private static org.apache.hadoop.fs.Path localOut(Path work, int tasks) {
    return new org.apache.hadoop.fs.Path(work.resolve("local-" + tasks).toUri());
  }

  private static int[] counts(String list) {
    return Arrays.stream(list.split(",")).mapToInt(Integer::parseInt).toArray();
  }

  private static final class CountingStream extends OutputStream {
    long bytes;

    @Override
    public void write(int b) {
      bytes++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      bytes += len;
    }
  }
}
