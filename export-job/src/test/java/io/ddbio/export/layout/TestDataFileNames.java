package io.ddbio.export.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.hadoop.mapreduce.JobID;
import org.apache.hadoop.mapreduce.TaskAttemptID;
import org.apache.hadoop.mapreduce.TaskID;
import org.apache.hadoop.mapreduce.TaskType;
import org.junit.jupiter.api.Test;

class TestDataFileNames {
  private static final String SHAPE =
      "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}_";

  private static TaskAttemptID attempt(JobID job, int task, int attempt) {
    return new TaskAttemptID(new TaskID(job, TaskType.MAP, task), attempt);
  }

  @Test
  void dataPipelineShape() {
    JobID job = new JobID("1700000000000", 7);
    assertTrue(DataFileNames.dataFile(attempt(job, 3, 0), "").matches(SHAPE + "000003"));
    assertTrue(DataFileNames.dataFile(attempt(job, 12, 0), ".gz").matches(SHAPE + "000012\\.gz"));
  }

  @Test
  void everyAttemptOfATaskWritesANameOfItsOwn() {
    JobID job = new JobID("1700000000000", 7);
    String first = DataFileNames.dataFile(attempt(job, 3, 0), ".gz");
    String third = DataFileNames.dataFile(attempt(new JobID("1700000000000", 7), 3, 2), ".gz");
    assertNotEquals(first, third);
    assertTrue(third.matches(SHAPE + "000003-2\\.gz"), third);
    assertEquals(first.substring(0, 36), third.substring(0, 36), "the job's uuid");
    assertEquals(first, DataFileNames.dataFile(attempt(job, 3, 0), ".gz"), "names are stable");
  }

  @Test
  void tasksShareTheJobsUuidAndJobsDiffer() {
    JobID job = new JobID("1700000000000", 7);
    String a = DataFileNames.dataFile(attempt(job, 1, 0), "");
    String b = DataFileNames.dataFile(attempt(job, 2, 0), "");
    assertNotEquals(a, b);
    assertEquals(a.substring(0, 36), b.substring(0, 36));
    String other = DataFileNames.dataFile(attempt(new JobID("1700000000000", 8), 1, 0), "");
    assertNotEquals(a.substring(0, 36), other.substring(0, 36));
  }

  @Test
  void hiddenNames() {
    assertFalse(DataFileNames.isVisible("_SUCCESS"));
    assertFalse(DataFileNames.isVisible(".part.crc"));
    assertTrue(DataFileNames.isVisible("manifest"));
  }
}
