package io.ddbio.it.bench;

import io.ddbio.export.output.ExportOutputFormat;
import io.ddbio.it.ExportCommitConf;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.JobID;
import org.apache.hadoop.mapreduce.OutputCommitter;
import org.apache.hadoop.mapreduce.RecordWriter;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.TaskAttemptID;
import org.apache.hadoop.mapreduce.task.JobContextImpl;
import org.apache.hadoop.mapreduce.task.TaskAttemptContextImpl;

/**
 * An export of many task outputs, committed by the real committer: each synthetic task writes one
 * line through the export's record writer and commits, as a map task would (in a pool, which is not
 * measured); then the job commit, which is.
 */
final class CommitScale {
  private static final int SETUP_THREADS = 8;

  private CommitScale() {}

  /**
   * @param nanos the job commit's time
   * @param peakHeapBytes the heap's peak during the job commit (garbage included)
   */
  record Result(long nanos, long peakHeapBytes) {}

  static Result commit(Configuration base, Path out, int tasks) throws Exception {
    Configuration conf = ExportCommitConf.exportConf(base, out);
    JobID job = new JobID("1700000000000", tasks);
    OutputCommitter jobCommitter = committer(conf, ExportCommitConf.attempt(job, 0));
    jobCommitter.setupJob(new JobContextImpl(conf, job));
    ExecutorService pool = Executors.newFixedThreadPool(SETUP_THREADS);
    List<Future<?>> done = new ArrayList<>(tasks);
    for (int t = 0; t < tasks; t++) {
      TaskAttemptID id = ExportCommitConf.attempt(job, t);
      done.add(pool.submit(() -> writeAndCommitTask(conf, id)));
    }
    for (Future<?> f : done) {
      f.get();
    }
    pool.shutdown();

    ScaleModel.resetPeakHeap();
    long start = System.nanoTime();
    jobCommitter.commitJob(new JobContextImpl(conf, job));
    long nanos = System.nanoTime() - start;
    return new Result(nanos, ScaleModel.peakHeap());
  }

  private static Void writeAndCommitTask(Configuration conf, TaskAttemptID id) throws Exception {
    TaskAttemptContext context = new TaskAttemptContextImpl(conf, id);
    OutputCommitter committer = committer(conf, id);
    committer.setupTask(context);
    RecordWriter<NullWritable, Text> writer = new ExportOutputFormat().getRecordWriter(context);
    writer.write(NullWritable.get(), new Text(ExportCommitConf.line(id, 200)));
    writer.close(context);
    if (committer.needsTaskCommit(context)) {
      committer.commitTask(context);
    }
    return null;
  }

  private static OutputCommitter committer(Configuration conf, TaskAttemptID attempt)
      throws java.io.IOException {
    return new ExportOutputFormat().getOutputCommitter(new TaskAttemptContextImpl(conf, attempt));
  }
}
