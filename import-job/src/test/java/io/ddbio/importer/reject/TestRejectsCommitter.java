package io.ddbio.importer.reject;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbio.importer.Backups;
import io.ddbio.importer.job.ImportOutputFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.mapreduce.JobContext;
import org.apache.hadoop.mapreduce.JobID;
import org.apache.hadoop.mapreduce.JobStatus;
import org.apache.hadoop.mapreduce.OutputCommitter;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.TaskAttemptID;
import org.apache.hadoop.mapreduce.TaskType;
import org.apache.hadoop.mapreduce.lib.output.FileOutputCommitter;
import org.apache.hadoop.mapreduce.task.JobContextImpl;
import org.apache.hadoop.mapreduce.task.TaskAttemptContextImpl;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rejects directory under the commit protocol, driven step by step as the framework does, each
 * task with its own committer from {@link ImportOutputFormat}.
 */
class TestRejectsCommitter {
  private static final JobID JOB = new JobID("test", 7);

  @TempDir Path tmp;

  private Path dir;
  private Configuration conf;
  private JobContext job;

  @BeforeEach
  void conf() {
    dir = tmp.resolve("rejects");
    conf = new Configuration();
    conf.setInt("dynamodb.max.bad.records", 5);
    conf.set("dynamodb.rejects.dir", dir.toUri().toString());
    // The cluster's default; the rejects are published at task commit all the same.
    conf.setInt(FileOutputCommitter.FILEOUTPUTCOMMITTER_ALGORITHM_VERSION, 1);
    job = new JobContextImpl(conf, JOB);
  }

  private TaskAttemptContext attempt(int task, int attempt) {
    return new TaskAttemptContextImpl(
        conf, new TaskAttemptID(JOB.getJtIdentifier(), JOB.getId(), TaskType.MAP, task, attempt));
  }

  private static RejectsCommitter committer(TaskAttemptContext context) throws IOException {
    return (RejectsCommitter) new ImportOutputFormat().getOutputCommitter(context);
  }

  /** Runs a task attempt that sets {@code text} aside (nothing when null), up to its commit. */
  private RejectsCommitter runTask(TaskAttemptContext context, String text) throws IOException {
    RejectsCommitter c = committer(context);
    c.setupTask(context);
    if (text != null) {
      org.apache.hadoop.fs.Path file = new org.apache.hadoop.fs.Path(c.workPath(), name(context));
      try (FSDataOutputStream out = file.getFileSystem(conf).create(file, false)) {
        out.write(text.getBytes(StandardCharsets.UTF_8));
      }
    }
    return c;
  }

  private static String name(TaskAttemptContext context) {
    return "rejects-m-0000" + context.getTaskAttemptID().getTaskID().getId() + ".jsonl";
  }

  /** The names in the rejects directory, without checksum files; empty when it is gone. */
  private List<String> published() throws IOException {
    if (!Files.exists(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> !n.endsWith(".crc"))
          .sorted()
          .toList();
    }
  }

  @Test
  void committedTasksArePublishedAndFailedAttemptsLeaveNothing() throws IOException {
    RejectsCommitter forJob = committer(attempt(0, 0));
    forJob.setupJob(job);

    TaskAttemptContext failed = attempt(0, 0);
    RejectsCommitter first = runTask(failed, "from a failed attempt\n");
    first.abortTask(failed);
    TaskAttemptContext retried = attempt(0, 1);
    RejectsCommitter second = runTask(retried, "from the attempt that finished\n");
    assertTrue(second.needsTaskCommit(retried));
    second.commitTask(retried);
    assertEquals(List.of("_temporary", "rejects-m-00000.jsonl"), published());

    TaskAttemptContext clean = attempt(1, 0);
    assertFalse(runTask(clean, null).needsTaskCommit(clean));

    forJob.commitJob(job);

    assertEquals(List.of("_SUCCESS", "rejects-m-00000.jsonl"), published());
    assertEquals(
        "from the attempt that finished\n", Files.readString(dir.resolve("rejects-m-00000.jsonl")));
  }

  @Test
  void aFailedJobKeepsTheRejectsOfTheTasksThatFinished() throws IOException {
    RejectsCommitter forJob = committer(attempt(0, 0));
    forJob.setupJob(job);
    TaskAttemptContext done = attempt(0, 0);
    runTask(done, "kept\n").commitTask(done);
    TaskAttemptContext failed = attempt(1, 0);
    runTask(failed, "discarded\n").abortTask(failed);

    forJob.abortJob(job, JobStatus.State.FAILED);

    assertEquals(List.of("rejects-m-00000.jsonl"), published());
  }

  @Test
  void withoutRejectsTheDirectoryIsRemoved() throws IOException {
    RejectsCommitter forJob = committer(attempt(0, 0));
    forJob.setupJob(job);
    assertTrue(Files.isDirectory(dir));
    runTask(attempt(0, 0), null);

    forJob.commitJob(job);
    assertEquals(List.of(), published());

    forJob.setupJob(job);
    forJob.abortJob(job, JobStatus.State.KILLED);
    assertFalse(Files.exists(dir));
  }

  @Test
  void everyStepAlsoReachesTheTablesCommitter() throws IOException {
    List<String> calls = new ArrayList<>();
    OutputCommitter table = new RecordingCommitter(calls);
    TaskAttemptContext task = attempt(0, 0);
    RejectsCommitter c = new RejectsCommitter(table, Backups.hadoop(dir), task);

    c.setupJob(job);
    c.setupTask(task);
    c.needsTaskCommit(task);
    c.commitTask(task);
    c.abortTask(task);
    c.commitJob(job);
    c.abortJob(job, JobStatus.State.FAILED);

    assertEquals(
        List.of(
            "setupJob",
            "setupTask",
            "needsTaskCommit",
            "needsTaskCommit",
            "commitTask",
            "abortTask",
            "commitJob",
            "abortJob"),
        calls);
  }

  @Test
  void withoutALimitTheTablesCommitterIsTheJobs() throws IOException {
    conf.unset("dynamodb.rejects.dir");
    conf.setInt("dynamodb.max.bad.records", 0);

    OutputCommitter c = new ImportOutputFormat().getOutputCommitter(attempt(0, 0));

    assertFalse(c instanceof RejectsCommitter, c.toString());
  }

  @Test
  void anExistingRejectsDirectoryIsRefusedBeforeTheJob() throws IOException {
    Files.createDirectories(dir);

    IOException e =
        assertThrows(IOException.class, () -> new ImportOutputFormat().checkOutputSpecs(job));

    assertTrue(e.getMessage().contains("already exists"), e.getMessage());
    assertTrue(e.getMessage().contains(dir.toString()), e.getMessage());
  }

  @Test
  void eachTaskCommitterIsTheFormatsOne() throws IOException {
    ImportOutputFormat format = new ImportOutputFormat();
    TaskAttemptContext task = attempt(0, 0);

    assertInstanceOf(RejectsCommitter.class, format.getOutputCommitter(task));
    assertEquals(format.getOutputCommitter(task), format.getOutputCommitter(task));
  }

  /** A table's committer that notes what it is asked to do. */
  private static final class RecordingCommitter extends OutputCommitter {
    private final List<String> calls;

    RecordingCommitter(List<String> calls) {
      this.calls = calls;
    }

    @Override
    public void setupJob(JobContext context) {
      calls.add("setupJob");
    }

    @Override
    public void commitJob(JobContext context) {
      calls.add("commitJob");
    }

    @Override
    public void abortJob(JobContext context, JobStatus.State state) {
      calls.add("abortJob");
    }

    @Override
    public void setupTask(TaskAttemptContext context) {
      calls.add("setupTask");
    }

    @Override
    public boolean needsTaskCommit(TaskAttemptContext context) {
      calls.add("needsTaskCommit");
      return true;
    }

    @Override
    public void commitTask(TaskAttemptContext context) {
      calls.add("commitTask");
    }

    @Override
    public void abortTask(TaskAttemptContext context) {
      calls.add("abortTask");
    }
  }
}
