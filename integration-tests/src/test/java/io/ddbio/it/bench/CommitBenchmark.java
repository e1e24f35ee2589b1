package io.ddbio.it.bench;

import io.ddbio.export.output.ExportOutputFormat;
import io.ddbio.it.ExportCommitConf;
import io.ddbio.it.S3Server;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.JobID;
import org.apache.hadoop.mapreduce.OutputCommitter;
import org.apache.hadoop.mapreduce.RecordWriter;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.TaskAttemptID;
import org.apache.hadoop.mapreduce.lib.output.FileOutputCommitter;
import org.apache.hadoop.mapreduce.lib.output.FileOutputFormat;
import org.apache.hadoop.mapreduce.task.JobContextImpl;
import org.apache.hadoop.mapreduce.task.TaskAttemptContextImpl;

/**
 * What committing an export to {@code s3a://} costs, on s3proxy: the commit the export used until
 * now (Hadoop's {@link FileOutputCommitter}, algorithm 1, which renames each task's files at task
 * commit and again at job commit, and on S3 a rename is a copy) against {@link
 * io.ddbio.export.commit.ExportCommitter} (files written in place; the manifest is the commit
 * point), for exports of two sizes with the same number of tasks, in one run. Each task writes
 * {@code size / tasks} bytes of 400-byte lines through the real export record writer (new) or
 * straight into the attempt's work path (old). Reports, per run: the time of all task commits, the
 * time of the job commit, and the bytes the server copied, as the server counted them.
 *
 * <p>Not a test: run by {@code benchmarks/run-commit.sh}. Arguments: {@code <work dir> <tasks>
 * <size in MB>...}.
 */
public final class CommitBenchmark {
  private static final int LINE_BYTES = 400;

  private CommitBenchmark() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 3) {
      System.err.println("usage: CommitBenchmark <work dir> <tasks> <size in MB>...");
      System.exit(2);
    }
    Path work = Path.of(args[0]);
    int tasks = Integer.parseInt(args[1]);
    long[] sizes = Arrays.stream(args, 2, args.length).mapToLong(Long::parseLong).toArray();
    Files.createDirectories(work);
    BenchTable rows =
        new BenchTable(
            "committer\texport MB\ttasks\ttask commits s\tjob commit s\tMB copied (server)");
    BenchTable.onS3proxy(
        work,
        (s3, conf) -> {
          // Single-part uploads and copies below 1 GB, so the server sees every copy as CopyObject.
          conf.set("fs.s3a.multipart.threshold", "1G");
          conf.set("fs.s3a.multipart.size", "1G");
          int run = 0;
          for (long mb : sizes) {
            for (boolean direct : new boolean[] {false, true}) {
              run++;
              org.apache.hadoop.fs.Path out = s3.path("bench/run-" + run);
              rows.add(measure(s3, conf, out, direct, tasks, mb, run));
            }
          }
        });
    rows.write(work, "commit-benchmark.tsv");
  }

  private static String measure(
      S3Server s3,
      Configuration base,
      org.apache.hadoop.fs.Path out,
      boolean direct,
      int tasks,
      long mb,
      int run)
      throws Exception {
    Configuration conf = ExportCommitConf.exportConf(base, out);
    // What the export set until now: algorithm 2 would publish files of a job that may still fail.
    conf.setInt(FileOutputCommitter.FILEOUTPUTCOMMITTER_ALGORITHM_VERSION, 1);
    JobID job = new JobID("1700000000000", run);
    long bytesPerTask = mb * 1024 * 1024 / tasks;
    OutputCommitter jobCommitter = committer(conf, direct, ExportCommitConf.attempt(job, 0));
    jobCommitter.setupJob(new JobContextImpl(conf, job));

    int copiesBefore = s3.copies().size();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<Future<Long>> commits = new ArrayList<>();
    for (int t = 0; t < tasks; t++) {
      TaskAttemptID id = ExportCommitConf.attempt(job, t);
      commits.add(pool.submit(() -> writeAndCommitTask(conf, direct, id, bytesPerTask)));
    }
    long taskCommitNanos = 0;
    for (Future<Long> f : commits) {
      taskCommitNanos += f.get();
    }
    pool.shutdown();

    long start = System.nanoTime();
    jobCommitter.commitJob(new JobContextImpl(conf, job));
    long jobCommitNanos = System.nanoTime() - start;

    long copied = 0;
    List<String> copies = s3.copies();
    for (String line : copies.subList(copiesBefore, copies.size())) {
      copied += Long.parseLong(line.substring(line.lastIndexOf(' ') + 1));
      System.err.println("server-side copy: " + line);
    }
    FileSystem fs = out.getFileSystem(conf);
    fs.delete(out, true);
    return String.format(
        Locale.ROOT,
        "%s\t%d\t%d\t%.2f\t%.2f\t%.1f",
        direct ? "ExportCommitter (in place)" : "FileOutputCommitter v1",
        mb,
        tasks,
        taskCommitNanos / 1e9,
        jobCommitNanos / 1e9,
        copied / (1024.0 * 1024.0));
  }

  private static OutputCommitter committer(
      Configuration conf, boolean direct, TaskAttemptID attempt) throws IOException {
    TaskAttemptContext context = new TaskAttemptContextImpl(conf, attempt);
    if (direct) {
      return new ExportOutputFormat().getOutputCommitter(context);
    }
    return new FileOutputCommitter(FileOutputFormat.getOutputPath(context), context);
  }

  /** Writes one task's bytes and commits it; returns the nanoseconds its commit took. */
  private static long writeAndCommitTask(
      Configuration conf, boolean direct, TaskAttemptID id, long bytes) throws Exception {
    TaskAttemptContext context = new TaskAttemptContextImpl(conf, id);
    OutputCommitter committer = committer(conf, direct, id);
    committer.setupTask(context);
    byte[] line = ExportCommitConf.line(id, LINE_BYTES);
    long lines = bytes / (line.length + 1);
    if (direct) {
      RecordWriter<NullWritable, Text> writer = new ExportOutputFormat().getRecordWriter(context);
      Text text = new Text(line);
      for (long i = 0; i < lines; i++) {
        writer.write(NullWritable.get(), text);
      }
      writer.close(context);
    } else {
      org.apache.hadoop.fs.Path file =
          new org.apache.hadoop.fs.Path(
              ((FileOutputCommitter) committer).getWorkPath(), "part-" + id.getTaskID().getId());
      try (OutputStream out = file.getFileSystem(conf).create(file, false)) {
        for (long i = 0; i < lines; i++) {
          out.write(line);
          out.write('\n');
        }
      }
    }
    long start = System.nanoTime();
    if (committer.needsTaskCommit(context)) {
      committer.commitTask(context);
    }
    return System.nanoTime() - start;
  }
}
