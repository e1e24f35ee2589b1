package io.ddbio.importer.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.ddbio.importer.Backups;
import io.ddbio.importer.input.BackupInputFormat;
import io.ddbio.importer.layout.BackupLayout;
import io.ddbio.testing.LocalJobs;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.mapreduce.Job;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestImportJob {
  @TempDir Path tmp;

  @Test
  void tasksSharingTheBudgetAreTheSplitsThatRunAtOnce() {
    assertEquals(4, ImportJob.concurrentTasks(10, 4));
    assertEquals(3, ImportJob.concurrentTasks(3, 8));
    assertEquals(7, ImportJob.concurrentTasks(7, 0));
  }

  private Job create(Configuration conf) throws IOException {
    Path dir = tmp.resolve("backup");
    for (String name : new String[] {"a", "b", "c"}) {
      Backups.write(dir.resolve(name), "");
    }
    conf.set("dynamodb.output.tableName", "T");
    Backups.writeManifest(dir);
    return ImportJob.create(conf, BackupLayout.locate(Backups.hadoop(dir), conf, false));
  }

  @Test
  void mapOnlyJobIntoTheTableWithoutSpeculation() throws Exception {
    Job job = create(LocalJobs.conf(tmp.resolve("work"), 2));

    assertEquals(BackupInputFormat.class, job.getInputFormatClass());
    assertEquals(ImportMapper.class, job.getMapperClass());
    assertEquals(ImportOutputFormat.class, job.getOutputFormatClass());
    assertEquals(0, job.getNumReduceTasks());
    assertFalse(job.getConfiguration().getBoolean("mapreduce.map.speculative", true));
    assertEquals(3, new BackupInputFormat().getSplits(job).size());
    assertEquals(
        0,
        BackupInputFormat.getInputPaths(job).length,
        "the files are found again at planning, not carried in the configuration every task loads");
    assertEquals(2, job.getConfiguration().getInt("ddbio.output.planned.tasks", -1));
    assertEquals(
        null,
        job.getConfiguration().get("dynamodb.concurrent.tasks"),
        "a plan, so the tasks still share the budget while they run");
  }

  @Test
  void concurrentTasksSetByTheUserAreKept() throws Exception {
    Configuration conf = LocalJobs.conf(tmp.resolve("work"), 2);
    conf.setInt("dynamodb.concurrent.tasks", 9);

    assertEquals(9, create(conf).getConfiguration().getInt("dynamodb.concurrent.tasks", -1));
  }
}
