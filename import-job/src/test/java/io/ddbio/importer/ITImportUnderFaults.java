package io.ddbio.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbio.metrics.DdbioCounter;
import io.ddbio.testing.LocalJobs;
import io.ddbio.testkit.PkSkTables;
import io.ddbio.testkit.Tables;
import io.ddbio.testkit.emulator.Fault;
import io.ddbio.testkit.emulator.FaultPlan;
import io.ddbio.testkit.emulator.TableCapacity;
import io.ddbio.testkit.junit.LocalDynamoDb;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The import through the capacity emulator while it fails a quarter of all requests (20% throttled,
 * 1% HTTP 500, 1% HTTP 503, 1% dropped connections) and the job's budget is three times what the
 * table is provisioned for, so batches come back with unprocessed items. The table still ends up
 * holding exactly the backup's items, and the counters show every retry.
 */
class ITImportUnderFaults {
  private static final String TABLE = "ImportUnderFaults";
  private static final int ITEMS = 900;
  private static final int FILES = 6;

  /** Seeded; a few hundred requests hold every kind of fault (asserted below). */
  private static final FaultPlan FAULTS = FaultPlan.throttledAndFailing(5);

  /** The tool's DescribeTable calls: retried, but outside the job's counters. */
  private static final int CALLS_OUTSIDE_TASKS = 10;

  @RegisterExtension
  static final LocalDynamoDb dynamoDb = LocalDynamoDb.behindEmulator().withoutBurstCredit();

  @TempDir static Path tmp;

  @Test
  void everyItemIsWrittenAndEveryRetryCounted() throws Exception {
    List<Map<String, AttributeValue>> items = PkSkTables.generate(ITEMS, ITEMS);
    Path backup = tmp.resolve("backup");
    int perFile = ITEMS / FILES;
    for (int f = 0; f < FILES; f++) {
      Backups.writeItems(
          backup.resolve("part-" + f), items.subList(f * perFile, (f + 1) * perFile));
    }
    Backups.writeManifest(backup);
    PkSkTables.create(dynamoDb.client(), TABLE);
    TableCapacity.provision(dynamoDb.emulated(), TABLE, 1000, 100);
    Configuration conf = LocalJobs.conf(tmp.resolve("work"), 3);
    Map<Fault, Long> before = dynamoDb.emulator().injectedFaults();

    dynamoDb.emulator().setFaults(FAULTS);
    ImportRun run;
    try {
      // 600 write units a second against a table provisioned for 100.
      run =
          ImportRun.of(
              conf, dynamoDb.endpoint(), backup.toString(), TABLE, "1.0", "--write-units", "600");
    } finally {
      dynamoDb.emulator().setFaults(FaultPlan.none());
    }
    Map<Fault, Long> after = dynamoDb.emulator().injectedFaults();

    assertEquals(0, run.exit(), run.err());
    PkSkTables.assertHolds(dynamoDb.client(), TABLE, items);
    assertEquals(ITEMS, Tables.scanAll(dynamoDb.client(), TABLE).size());
    assertEquals(ITEMS, run.counter(DdbioCounter.ITEMS_WRITTEN));
    long unprocessed = dynamoDb.emulator().stats(TABLE).unprocessedItems();
    assertTrue(
        unprocessed > 0,
        "the table returned unprocessed items: " + dynamoDb.emulator().stats(TABLE));
    assertEquals(
        unprocessed,
        run.counter(DdbioCounter.UNPROCESSED_ITEMS_RETRIED),
        "every item handed back was sent again");
    for (Fault f :
        List.of(
            Fault.THROTTLED,
            Fault.INTERNAL_SERVER_ERROR,
            Fault.SERVICE_UNAVAILABLE,
            Fault.CONNECTION_RESET)) {
      assertTrue(after.get(f) > before.get(f), f + " injected: " + after);
    }
    long transients =
        after.get(Fault.INTERNAL_SERVER_ERROR)
            - before.get(Fault.INTERNAL_SERVER_ERROR)
            + after.get(Fault.SERVICE_UNAVAILABLE)
            - before.get(Fault.SERVICE_UNAVAILABLE)
            + after.get(Fault.CONNECTION_RESET)
            - before.get(Fault.CONNECTION_RESET);
    long countedTransients = run.counter(DdbioCounter.TRANSIENT_RETRIES);
    assertTrue(countedTransients > 0, "the job's counters show no transient retry");
    assertTrue(
        countedTransients <= transients && countedTransients >= transients - CALLS_OUTSIDE_TASKS,
        transients + " transient faults injected, " + countedTransients + " counted");
    // Throttling comes from the faults and from the table's capacity; every answer with a
    // throttling error is counted, and rounds with unprocessed items are not (they are counted as
    // items sent again, above).
    long throttles =
        after.get(Fault.THROTTLED)
            - before.get(Fault.THROTTLED)
            + dynamoDb.emulator().stats(TABLE).throttledRequests();
    long countedThrottles = run.counter(DdbioCounter.THROTTLED_REQUESTS);
    assertTrue(countedThrottles > 0, "the job's counters show no throttled request");
    assertTrue(
        countedThrottles <= throttles && countedThrottles >= throttles - CALLS_OUTSIDE_TASKS,
        throttles + " throttles, " + countedThrottles + " counted");
  }
}
