package io.ddbio.mapreduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbio.metrics.DdbioCounter;
import io.ddbio.testing.FakeTime;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.mapreduce.Counters;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.MRJobConfig;
import org.apache.hadoop.mapreduce.TaskCounter;
import org.junit.jupiter.api.Test;

class TestJobCounts {

  private static Job jobWithMaps(int maps) throws IOException {
    Job job = Job.getInstance(new Configuration(false));
    job.getConfiguration().setInt(MRJobConfig.NUM_MAPS, maps);
    return job;
  }

  @Test
  void countersOfAJobThatRanAreKnown() throws Exception {
    Counters c = new Counters();
    c.findCounter(TaskCounter.MAP_INPUT_RECORDS).increment(3);
    c.findCounter(DdbioCounter.ITEMS_READ).increment(3);
    assertEquals(Optional.empty(), JobCounts.unknown(jobWithMaps(2), c));
    assertEquals(3, JobCounts.totals(c).applyAsLong(DdbioCounter.ITEMS_READ));
    assertEquals(0, JobCounts.totals(c).applyAsLong(DdbioCounter.ITEMS_WRITTEN), "not counted");
  }

  @Test
  void noCountersAreUnknownCounts() throws Exception {
    String why = JobCounts.unknown(jobWithMaps(2), null).orElseThrow();
    assertTrue(why.contains("could not be read"), why);
    assertTrue(why.contains("unknown"), why);
  }

  @Test
  void countersWithoutTheFrameworksGroupAreUnknownWhenTasksRan() throws Exception {
    // What Hadoop's client returns when the job history server cannot answer: no group at all.
    String why = JobCounts.unknown(jobWithMaps(1), new Counters()).orElseThrow();
    assertTrue(why.contains("answered with none"), why);
  }

  @Test
  void countersThatArriveLateAreRead() throws Exception {
    FakeTime time = new FakeTime();
    Counters late = new Counters();
    late.findCounter(TaskCounter.MAP_INPUT_RECORDS).increment(3);
    int[] asked = {0};
    Counters read =
        JobCounts.read(jobWithMaps(1), j -> ++asked[0] < 2 ? new Counters() : late, time);
    assertEquals(late, read);
    assertEquals(List.of(JobCounts.READ_PAUSE), time.sleeps());
  }

  @Test
  void aJobWithoutTasksHasNothingToCount() throws Exception {
    assertEquals(Optional.empty(), JobCounts.unknown(jobWithMaps(0), new Counters()));
  }

  @Test
  void aSourceThatFailsGivesNoCountersAfterAskingAgain() throws Exception {
    FakeTime time = new FakeTime();
    int[] asked = {0};
    Counters read =
        JobCounts.read(
            jobWithMaps(1),
            j -> {
              asked[0]++;
              throw new IOException("history server unreachable");
            },
            time);
    assertNull(read);
    assertEquals(JobCounts.READ_ATTEMPTS, asked[0]);
    assertEquals(JobCounts.READ_ATTEMPTS - 1, time.sleeps().size());
    assertEquals(0, JobCounts.totals(read).applyAsLong(DdbioCounter.ITEMS_READ));
  }
}
