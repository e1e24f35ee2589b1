package io.ddbio.importer.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbio.metrics.DdbioCounter;
import java.io.IOException;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapreduce.Counter;
import org.apache.hadoop.mapreduce.Counters;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.JobContext;
import org.apache.hadoop.mapreduce.OutputCommitter;
import org.apache.hadoop.mapreduce.StatusReporter;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.TaskAttemptID;
import org.apache.hadoop.mapreduce.lib.input.FileSplit;
import org.apache.hadoop.mapreduce.task.TaskAttemptContextImpl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When a task's file is recorded: after its own commit, with its counters, never without it. */
class TestProgressCommitter {
  private static final String FILE = "file:/backup/part-00003";

  @TempDir java.nio.file.Path tmp;

  private final Counters counters = new Counters();

  /** A committer whose task commit may fail, as the rejects' publication can. */
  private static final class Inner extends OutputCommitter {
    private final boolean fails;
    private int commits;

    Inner(boolean fails) {
      this.fails = fails;
    }

    @Override
    public void setupJob(JobContext context) {}

    @Override
    public void setupTask(TaskAttemptContext context) {}

    @Override
    public boolean needsTaskCommit(TaskAttemptContext context) {
      return true;
    }

    @Override
    public void commitTask(TaskAttemptContext context) throws IOException {
      commits++;
      if (fails) {
        throw new IOException("the rejects could not be published");
      }
    }

    @Override
    public void abortTask(TaskAttemptContext context) {}
  }

  private ImportProgress progress(Configuration conf) throws Exception {
    ImportProgress p = ImportProgress.at(new Path(tmp.resolve("progress").toUri()), conf);
    p.start(new StartedImport("file:/backup", "T", "2026-12-04T00:00:00Z"));
    p.configure(conf);
    return p;
  }

  private TaskAttemptContext task(Configuration conf) {
    StatusReporter reporter =
        new StatusReporter() {
          @Override
          public Counter getCounter(Enum<?> name) {
            return counters.findCounter(name);
          }

          @Override
          public Counter getCounter(String group, String name) {
            return counters.findCounter(group, name);
          }

          @Override
          public void progress() {}

          @Override
          public float getProgress() {
            return 0;
          }

          @Override
          public void setStatus(String status) {}
        };
    return new TaskAttemptContextImpl(
        conf, TaskAttemptID.forName("attempt_1_0001_m_000003_0"), reporter);
  }

  @Test
  void aCommittedTaskRecordsItsFileWithItsCountersAndPlanningThenSkipsIt() throws Exception {
    Configuration conf = new Configuration();
    ImportProgress p = progress(conf);
    Inner inner = new Inner(false);
    OutputCommitter committer = ProgressCommitter.wrap(inner, conf);
    assertSame(inner, ProgressCommitter.unwrap(committer));
    TaskAttemptContext task = task(conf);
    ProgressCommitter.noteFile(task.getConfiguration(), FILE);
    counters.findCounter(DdbioCounter.ITEMS_READ).increment(7);
    counters.findCounter(DdbioCounter.ITEMS_WRITTEN).increment(7);

    assertTrue(committer.needsTaskCommit(task), "even a task of no item records its file");
    committer.commitTask(task);

    assertEquals(1, inner.commits);
    EarlierImports done = p.done(d -> {});
    assertEquals(1, done.files());
    assertEquals(7, done.total(DdbioCounter.ITEMS_WRITTEN));
    InputSplit recorded = new FileSplit(new Path(FILE), 0, 1, new String[0]);
    InputSplit other = new FileSplit(new Path("file:/backup/part-00004"), 0, 1, new String[0]);
    assertEquals(List.of(other), ImportProgress.remaining(List.of(recorded, other), conf));
  }

  @Test
  void aTaskWhoseOwnCommitFailsRecordsNothing() throws Exception {
    Configuration conf = new Configuration();
    ImportProgress p = progress(conf);
    OutputCommitter committer = ProgressCommitter.wrap(new Inner(true), conf);
    TaskAttemptContext task = task(conf);
    ProgressCommitter.noteFile(task.getConfiguration(), FILE);

    assertThrows(IOException.class, () -> committer.commitTask(task));

    assertFalse(p.hasRecords());
  }

  @Test
  void aTaskThatNamedNoFileFailsItsCommitRatherThanRecordNothingSilently() throws Exception {
    Configuration conf = new Configuration();
    ImportProgress p = progress(conf);
    OutputCommitter committer = ProgressCommitter.wrap(new Inner(false), conf);

    IOException e = assertThrows(IOException.class, () -> committer.commitTask(task(conf)));

    assertTrue(e.getMessage().contains("named no data file"), e.getMessage());
    assertFalse(p.hasRecords());
  }

  @Test
  void withoutAProgressDirectoryTheCommitterIsTheInnerOne() throws Exception {
    Inner inner = new Inner(false);
    assertSame(inner, ProgressCommitter.wrap(inner, new Configuration()));
  }
}
