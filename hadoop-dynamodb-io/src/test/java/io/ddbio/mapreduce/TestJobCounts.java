package io.ddbio.mapreduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbio.metrics.DdbioCounter;
import java.io.IOException;
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
  void aJobWithoutTasksHasNothingToCount() throws Exception {
    assertEquals(Optional.empty(), JobCounts.unknown(jobWithMaps(0), new Counters()));
  }

  @Test
  void aSourceThatFailsGivesNoCounters() throws Exception {
    Counters read =
        JobCounts.read(
            jobWithMaps(1),
            j -> {
              throw new IOException("history server unreachable");
            });
    assertNull(read);
    assertEquals(0, JobCounts.totals(read).applyAsLong(DdbioCounter.ITEMS_READ));
  }
}
