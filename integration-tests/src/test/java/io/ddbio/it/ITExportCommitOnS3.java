package io.ddbio.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbio.export.layout.DataFileNames;
import io.ddbio.export.output.ExportOutputFormat;
import java.io.IOException;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.JobID;
import org.apache.hadoop.mapreduce.OutputCommitter;
import org.apache.hadoop.mapreduce.RecordWriter;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.TaskAttemptID;
import org.apache.hadoop.mapreduce.TaskID;
import org.apache.hadoop.mapreduce.TaskType;
import org.apache.hadoop.mapreduce.task.JobContextImpl;
import org.apache.hadoop.mapreduce.task.TaskAttemptContextImpl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The export's commit protocol on {@code s3a://} against s3proxy, driven as the MapReduce framework
 * drives it, with the interleavings a cluster produces and a test cannot provoke on demand: two
 * attempts of one task writing at once (a speculative pair; the export turns speculation off, a
 * user's cluster may not), the loser aborted after the winner committed; an attempt whose JVM was
 * killed after its file was closed, so neither its commit nor its abort ever ran. The server, not
 * the client, says how many objects were copied: none.
 */
class ITExportCommitOnS3 {
  private static final JobID JOB = new JobID("1700000000000", 3);
  private static S3Server s3;
  private static Configuration conf;

  @BeforeAll
  static void start() {
    s3 = S3Server.start();
    Configuration base = new Configuration();
    base.set("mapreduce.framework.name", "local");
    conf = s3.s3aConf(base);
  }

  @AfterAll
  static void stop() throws IOException {
    if (s3 != null) {
      s3.close(conf);
    }
  }

  @Test
  void speculativeAndKilledAttemptsLeaveNothingAndNothingIsCopied() throws Exception {
    Path out = s3.path("commit/speculative");
    Configuration job = ExportCommitConf.exportConf(conf, out);
    int copiesBefore = s3.copies().size();

    OutputCommitter committer = committer(job, 0, 0);
    committer.setupJob(new JobContextImpl(job, JOB));
    // Task 0: a speculative pair, both writing before either commits.
    Attempt first = Attempt.open(job, 0, 0);
    Attempt second = Attempt.open(job, 0, 1);
    first.write(4);
    second.write(3);
    first.close();
    second.close();
    second.commit();
    first.abort();
    // Task 1: the first attempt's JVM is killed after it closed its file; the second commits.
    Attempt killed = Attempt.open(job, 1, 0);
    killed.write(5);
    killed.close();
    Attempt retry = Attempt.open(job, 1, 1);
    retry.write(2);
    retry.close();
    retry.commit();
    // Task 2: nothing to complain about.
    Attempt plain = Attempt.open(job, 2, 0);
    plain.write(1);
    plain.close();
    plain.commit();
    committer.commitJob(new JobContextImpl(job, JOB));

    assertEquals(List.of(), s3.copies().subList(copiesBefore, s3.copies().size()), "copies");
    ExportDir dir = ExportDir.read(job, out);
    dir.assertComplete(3, 3 + 2 + 1, "");
    assertEquals(
        List.of(
            DataFileNames.dataFile(attempt(0, 1), ""),
            DataFileNames.dataFile(attempt(1, 1), ""),
            DataFileNames.dataFile(attempt(2, 0), "")),
        dir.entries().stream().map(Path::getName).toList());
    assertEquals(6, dir.items().size(), "items of the committed attempts only");
  }

  private static TaskAttemptID attempt(int task, int attempt) {
    return new TaskAttemptID(new TaskID(JOB, TaskType.MAP, task), attempt);
  }

  private static OutputCommitter committer(Configuration job, int task, int attempt)
      throws IOException {
    return new ExportOutputFormat()
        .getOutputCommitter(new TaskAttemptContextImpl(job, attempt(task, attempt)));
  }

  /** One task attempt, with the output format and committer a task's JVM would have. */
  private record Attempt(
      TaskAttemptContext context, OutputCommitter committer, RecordWriter<NullWritable, Text> w) {
    static Attempt open(Configuration job, int task, int attempt) throws Exception {
      TaskAttemptContext context = new TaskAttemptContextImpl(job, attempt(task, attempt));
      ExportOutputFormat format = new ExportOutputFormat();
      OutputCommitter committer = format.getOutputCommitter(context);
      committer.setupTask(context);
      return new Attempt(context, committer, format.getRecordWriter(context));
    }

    void write(int lines) throws Exception {
      TaskAttemptID id = context.getTaskAttemptID();
      for (int i = 0; i < lines; i++) {
        w.write(NullWritable.get(), new Text("{\"pk\":{\"s\":\"" + id + "-" + i + "\"}}"));
      }
    }

    void close() throws Exception {
      w.close(context);
    }

    void commit() throws IOException {
      assertTrue(committer.needsTaskCommit(context), "the attempt has a file to commit");
      committer.commitTask(context);
    }

    void abort() throws IOException {
      committer.abortTask(context);
    }
  }
}
