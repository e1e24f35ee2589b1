package io.ddbio.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbio.config.DdbioKeys;
import io.ddbio.metrics.DdbioCounter;
import io.ddbio.testkit.PkSkTables;
import io.ddbio.testkit.Tables;
import io.ddbio.testkit.emulator.CapacityEmulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapreduce.JobCounter;
import org.apache.hadoop.mapreduce.MRJobConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A table throttled for much longer than YARN lets a task go without reporting progress: the
 * export, then the import, each meets a storm in which every request of its table is refused for
 * {@link #STORM}, three times the {@link #TASK_TIMEOUT} the job runs with. Waiting is healthy (the
 * throttling patience is 15 minutes), so every wait must report progress: the job succeeds, exact,
 * and no attempt is killed for a timeout. On a real cluster the same holds with the default 10
 * minute timeout and a table throttled for 11.
 *
 * <p>The application master checks for timed-out attempts every {@link #CHECK_INTERVAL} here, not
 * every 30 s, or a short timeout would never be noticed in time.
 */
class ITThrottlingStormOnYarn {
  // Long enough that a task JVM's start-up (about 4 s on a busy 2-core machine, before the task can
  // report anything) does not itself time out.
  private static final Duration TASK_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration STORM = TASK_TIMEOUT.multipliedBy(3);
  private static final Duration CHECK_INTERVAL = Duration.ofMillis(500);
  private static final int ITEMS = 400;
  private static final int SEGMENTS = 2;
  private static final int PAGE_ITEMS = 20;
  private static final String SOURCE = "storm_source";

  private static HadoopWithDynamoDb env;
  private static CapacityEmulator emulator;
  private static List<Map<String, AttributeValue>> source;

  @BeforeAll
  static void start() {
    env = HadoopWithDynamoDb.start(ITThrottlingStormOnYarn.class.getSimpleName());
    emulator = CapacityEmulator.start(env.dynamoDbEndpoint());
    source = PkSkTables.createAndFill(env.client(), SOURCE, ITEMS, 31);
  }

  @AfterAll
  static void stop() {
    try {
      if (emulator != null) {
        emulator.close();
      }
    } finally {
      if (env != null) {
        env.close();
      }
    }
  }

  @Test
  void exportAndImportOutlastAStormThreeTimesTheTaskTimeout() throws Exception {
    Path out = new Path(env.hadoop().dfs().getUri() + "/it/storm/export");
    ToolRun export;
    ThrottlingStorm scanStorm = ThrottlingStorm.start(emulator, SOURCE, STORM);
    try (scanStorm) {
      List<String> args = new ArrayList<>(timeouts());
      // Small pages, so that each segment needs many: a table with no capacity still admits the
      // first request (it is charged afterwards), and a segment read in one page would never
      // meet the storm.
      args.addAll(List.of("-D", DdbioKeys.SCAN_PAGE_LIMIT.name() + "=" + PAGE_ITEMS));
      args.addAll(
          ToolArgs.export(out, SOURCE, SEGMENTS, "--max-map-tasks", Integer.toString(SEGMENTS)));
      export = ToolRun.export(env.hadoop().conf(), emulator.endpoint(), args);
    }
    export.assertSucceeded();
    assertStormOutlasted(export, scanStorm, SEGMENTS);
    assertEquals(ITEMS, export.counter(DdbioCounter.ITEMS_READ));
    ExportDir dir = ExportDir.read(env.hadoop().conf(), out);
    dir.assertComplete(SEGMENTS, ITEMS, "");
    assertEquals(ITEMS, dir.items().size(), "items, counting duplicates");
    PkSkTables.assertSameItems(source, dir.items());

    String target = "storm_target";
    PkSkTables.create(env.client(), target);
    ToolRun load;
    ThrottlingStorm writeStorm = ThrottlingStorm.start(emulator, target, STORM);
    try (writeStorm) {
      List<String> args = new ArrayList<>(timeouts());
      args.addAll(ToolArgs.importer(out, target));
      load = ToolRun.importer(env.hadoop().conf(), emulator.endpoint(), args);
    }
    load.assertSucceeded();
    assertStormOutlasted(load, writeStorm, SEGMENTS);
    assertEquals(ITEMS, load.counter(DdbioCounter.ITEMS_WRITTEN));
    List<Map<String, AttributeValue>> written = Tables.scanAll(env.client(), target);
    assertEquals(ITEMS, written.size());
    PkSkTables.assertSameItems(source, written);
  }

  /** The job's task timeout and the application master's check of it, as generic options. */
  private static List<String> timeouts() {
    return List.of(
        "-D",
        MRJobConfig.TASK_TIMEOUT + "=" + TASK_TIMEOUT.toMillis(),
        "-D",
        MRJobConfig.TASK_TIMEOUT_CHECK_INTERVAL_MS + "=" + CHECK_INTERVAL.toMillis(),
        "-D",
        MRJobConfig.TASK_PROGRESS_REPORT_INTERVAL + "=" + CHECK_INTERVAL.toMillis(),
        "-D",
        MRJobConfig.MAP_MAX_ATTEMPTS + "=2");
  }

  /**
   * The storm really lasted several timeouts and the tasks met it, yet each map ran once: no
   * attempt failed or was killed, which is what a timeout does to an attempt.
   */
  private static void assertStormOutlasted(ToolRun run, ThrottlingStorm storm, int maps) {
    assertTrue(
        storm.lasted().compareTo(TASK_TIMEOUT.multipliedBy(2)) >= 0,
        () -> "the storm lasted " + storm.lasted() + ", not several task timeouts");
    assertTrue(storm.refused() > 0, "the tasks met the storm");
    assertTrue(
        run.counter(DdbioCounter.THROTTLED_REQUESTS)
                + run.counter(DdbioCounter.UNPROCESSED_ITEMS_RETRIED)
            > 0,
        "the tasks counted the throttling");
    assertEquals(0, run.counter(JobCounter.NUM_FAILED_MAPS), "failed (timed-out) map attempts");
    assertEquals(0, run.counter(JobCounter.NUM_KILLED_MAPS), "killed map attempts");
    assertEquals(maps, run.counter(JobCounter.TOTAL_LAUNCHED_MAPS), "map attempts");
  }
}
