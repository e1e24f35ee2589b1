package io.ddbio.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbio.metrics.DdbioCounter;
import io.ddbio.testing.LocalJobs;
import io.ddbio.testkit.PkSkTables;
import io.ddbio.testkit.emulator.Fault;
import io.ddbio.testkit.emulator.FaultPlan;
import io.ddbio.testkit.junit.LocalDynamoDb;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.mapreduce.Counters;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The export through the capacity emulator while it fails a quarter of all requests: 20% throttled,
 * 1% HTTP 500, 1% HTTP 503 and 1% dropped connections. The export still holds exactly the table's
 * items, once each, and the counters show the retries.
 */
class ITExportUnderFaults {
  private static final String TABLE = "ExportUnderFaults";
  private static final int ITEMS = 3_000;

  /**
   * Seeded, so the sequence of faults is the same on every run; with a few hundred requests it
   * holds every kind (asserted below).
   */
  static final FaultPlan FAULTS = FaultPlan.throttledAndFailing(5);

  /**
   * Calls made outside the map tasks (the tool's and the planner's DescribeTable): their retries
   * are real but not in the job's counters.
   */
  private static final int CALLS_OUTSIDE_TASKS = 10;

  @RegisterExtension static final LocalDynamoDb dynamoDb = LocalDynamoDb.behindEmulator();

  private static List<Map<String, AttributeValue>> source;

  @TempDir Path tmp;

  @BeforeAll
  static void loadTable() {
    source = PkSkTables.createAndFill(dynamoDb.client(), TABLE, ITEMS, 29);
  }

  @Test
  void everyItemIsExportedOnceAndTheRetriesAreCounted() throws Exception {
    Configuration conf = LocalJobs.conf(tmp.resolve("work"), 4);
    // Small pages make a few hundred requests, enough for every kind of fault to come up.
    conf.setInt("dynamodb.scan.page.limit", 10);
    Path out = tmp.resolve("out");
    Map<Fault, Long> before = dynamoDb.emulator().injectedFaults();
    dynamoDb.emulator().setFaults(FAULTS);
    ExportRun run;
    try {
      run = ExportRun.run(conf, dynamoDb.endpoint(), out.toString(), TABLE, "1.0", "8");
    } finally {
      dynamoDb.emulator().setFaults(FaultPlan.none());
    }
    Map<Fault, Long> after = dynamoDb.emulator().injectedFaults();

    assertEquals(0, run.status(), run::stderr);
    List<Map<String, AttributeValue>> exported = ExportFiles.dataPipelineItems(out, false);
    assertEquals(ITEMS, exported.size(), "no item twice, none lost");
    PkSkTables.assertSameItems(source, exported);

    long throttles = injected(before, after, Fault.THROTTLED);
    long transients =
        injected(before, after, Fault.INTERNAL_SERVER_ERROR)
            + injected(before, after, Fault.SERVICE_UNAVAILABLE)
            + injected(before, after, Fault.CONNECTION_RESET);
    for (Fault f :
        List.of(
            Fault.THROTTLED,
            Fault.INTERNAL_SERVER_ERROR,
            Fault.SERVICE_UNAVAILABLE,
            Fault.CONNECTION_RESET)) {
      assertTrue(injected(before, after, f) > 0, f + " injected: " + after);
    }
    Counters counters = run.tool().counters();
    assertEquals(ITEMS, counters.findCounter(DdbioCounter.ITEMS_READ).getValue());
    assertCountedRetries(
        "throttled", throttles, counters.findCounter(DdbioCounter.THROTTLED_REQUESTS).getValue());
    assertCountedRetries(
        "transient", transients, counters.findCounter(DdbioCounter.TRANSIENT_RETRIES).getValue());
  }

  private static long injected(Map<Fault, Long> before, Map<Fault, Long> after, Fault fault) {
    return after.get(fault) - before.get(fault);
  }

  /** Every fault a task met was retried and counted; the few outside the tasks were not. */
  static void assertCountedRetries(String kind, long injected, long counted) {
    assertTrue(counted > 0, kind + ": the job's counters show no retry");
    assertTrue(
        counted <= injected && counted >= injected - CALLS_OUTSIDE_TASKS,
        kind + ": " + injected + " injected, " + counted + " counted");
  }
}
