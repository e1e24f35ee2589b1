package io.ddbio.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbio.mapreduce.DynamoDBItemWritable;
import io.ddbio.metrics.DdbioCounter;
import io.ddbio.testkit.PkSkTables;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.JobCounter;
import org.apache.hadoop.mapreduce.TaskCounter;
import org.apache.hadoop.mapreduce.lib.output.FileOutputFormat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A map task's first attempt dies part way through its segment, its JVM gone without any cleanup,
 * after it has written lines into its attempt's file. YARN runs a second attempt, which reads the
 * segment again from the start; the job still ends with exactly the table's items, and nothing the
 * dead attempt wrote is left in the output directory.
 */
class ITFailedAttempt {
  private static final int ITEMS = 1_000;
  private static final int SEGMENTS = 2;
  private static final int HALT_AFTER = 200;

  private static HadoopWithDynamoDb env;

  @BeforeAll
  static void start() {
    env = HadoopWithDynamoDb.start(ITFailedAttempt.class.getSimpleName());
  }

  @AfterAll
  static void stop() {
    if (env != null) {
      env.close();
    }
  }

  /**
   * Like {@link ItemsToLines}, but the first attempt of the first task halts its JVM after {@value
   * #HALT_AFTER} items. Before dying it records, in a file outside the output, what its attempt had
   * put into the output directory, so that the test can look for it afterwards.
   */
  public static final class DiesOnFirstAttempt extends ItemsToLines {
    static final String MARKER_DIR = "ddbio.it.marker.dir";
    private int written;

    @Override
    protected void map(NullWritable key, DynamoDBItemWritable value, Context context)
        throws IOException, InterruptedException {
      super.map(key, value, context);
      written++;
      boolean doomed =
          context.getTaskAttemptID().getTaskID().getId() == 0
              && context.getTaskAttemptID().getId() == 0;
      if (doomed && written == HALT_AFTER) {
        recordAttemptFiles(context);
        // No exception, no cleanup, no committer: the JVM is simply gone, as after a kill -9.
        Runtime.getRuntime().halt(3);
      }
    }

    private void recordAttemptFiles(Context context) throws IOException, InterruptedException {
      Configuration conf = context.getConfiguration();
      Path work = FileOutputFormat.getWorkOutputPath(context);
      FileSystem fs = work.getFileSystem(conf);
      List<String> files = new ArrayList<>();
      RemoteIterator<LocatedFileStatus> it = fs.listFiles(work, true);
      while (it.hasNext()) {
        files.add(it.next().getPath().toUri().getPath());
      }
      Path marker = new Path(conf.get(MARKER_DIR), context.getTaskAttemptID().toString());
      try (FSDataOutputStream out = fs.create(marker, false)) {
        out.write(String.join("\n", files).getBytes(StandardCharsets.UTF_8));
      }
    }
  }

  @Test
  void aDeadAttemptLeavesNothingAndTheRetryReadsItsSegmentAgain() throws Exception {
    List<Map<String, AttributeValue>> source =
        PkSkTables.createAndFill(env.client(), "attempts_source", ITEMS, 33);
    Path out = new Path("/it/attempts/lines");
    Path markers = new Path("/it/attempts/markers");
    Job job =
        CopyJobs.tableToLines(
            env.hadoop().conf(), env.dynamoDbEndpoint(), "attempts_source", SEGMENTS, out);
    job.setMapperClass(DiesOnFirstAttempt.class);
    job.getConfiguration().set(DiesOnFirstAttempt.MARKER_DIR, markers.toString());

    JobRun run = JobRun.succeed(job);

    List<String> deadAttemptFiles = DeadAttempts.files(env.hadoop().dfs(), markers);
    assertFalse(deadAttemptFiles.isEmpty(), "the dead attempt had opened no output file");
    for (String file : deadAttemptFiles) {
      assertTrue(file.startsWith(out.toUri().getPath() + "/_temporary/"), file);
      assertFalse(env.hadoop().dfs().exists(new Path(file)), "left behind: " + file);
    }
    assertEquals(
        List.of("_SUCCESS", "part-m-00000", "part-m-00001"),
        ItemFiles.listRecursively(env.hadoop().conf(), out));

    List<Map<String, AttributeValue>> read = ItemFiles.readParts(env.hadoop().conf(), out);
    assertEquals(ITEMS, read.size(), "lines in the output, counting duplicates");
    PkSkTables.assertSameItems(source, read);

    assertEquals(1, run.counter(JobCounter.NUM_FAILED_MAPS));
    assertEquals(SEGMENTS + 1, run.counter(JobCounter.TOTAL_LAUNCHED_MAPS));
    // Counters of the dead attempt are dropped with it: each item counts once.
    assertEquals(ITEMS, run.counter(DdbioCounter.ITEMS_READ));
    assertEquals(ITEMS, run.counter(TaskCounter.MAP_OUTPUT_RECORDS));
  }
}
