package io.ddbio.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbio.metrics.DdbioCounter;
import io.ddbio.testing.LocalJobs;
import io.ddbio.testkit.KeySpec;
import io.ddbio.testkit.Tables;
import io.ddbio.testkit.emulator.Consumption;
import io.ddbio.testkit.emulator.TableActivity;
import io.ddbio.testkit.emulator.TableCapacity;
import io.ddbio.testkit.emulator.TableStats;
import io.ddbio.testkit.items.SizedItems;
import io.ddbio.testkit.junit.LocalDynamoDb;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The export's read rate against a provisioned table, through the capacity emulator: the whole job,
 * with more splits than map threads, keeps to its share of the table's capacity, and follows a
 * capacity change while it runs.
 *
 * <p>The emulator keeps no burst credit, so the table serves at most its provisioned rate.
 * Capacities are small, so the rate, not the machine, sets the pace. The bounds are sanity margins
 * on consumed capacity; how close the jobs come is measured by {@code ./ddbio
 * throughput-benchmark}.
 */
class ITExportRate {
  private static final String TABLE = "ExportRate";
  private static final int ITEMS = 1_000;
  private static final int ITEM_BYTES = 4_000;
  private static final int MAP_THREADS = 4;
  private static final String SEGMENTS = "8";

  @RegisterExtension
  static final LocalDynamoDb dynamoDb = LocalDynamoDb.behindEmulator().withoutBurstCredit();

  @TempDir Path tmp;

  @BeforeAll
  static void loadTable() {
    Tables.createTable(
        dynamoDb.client(), TABLE, KeySpec.string("pk"), KeySpec.number("sk"), 100, 100);
    Tables.putAll(dynamoDb.client(), TABLE, SizedItems.items(ITEMS, ITEM_BYTES));
  }

  /** The LocalJobRunner, the budget re-divided and the capacity re-read every second. */
  private Configuration conf() {
    Configuration conf = LocalJobs.conf(tmp.resolve("work"), MAP_THREADS);
    conf.set("dynamodb.throughput.share.interval", "1s");
    conf.set("dynamodb.throughput.capacity.refresh", "1s");
    return conf;
  }

  private ExportRun export(String name, String... options) throws Exception {
    List<String> args = new ArrayList<>(List.of(tmp.resolve(name).toString(), TABLE, "0.5"));
    args.addAll(List.of("--segments", SEGMENTS, "--endpoint", dynamoDb.endpoint().toString()));
    args.addAll(List.of(options));
    return ExportRun.run(conf(), args);
  }

  @Test
  void aJobAtHalfTheCapacityConsumesHalfTheCapacity() throws Exception {
    TableCapacity.provision(dynamoDb.emulated(), TABLE, 100, 100);
    TableActivity activity = TableActivity.from(dynamoDb.emulator(), TABLE);

    ExportRun run = export("half");

    assertEquals(0, run.status(), run::stderr);
    assertEquals(ITEMS, run.tool().counters().findCounter(DdbioCounter.ITEMS_READ).getValue());
    List<TableStats.Second> job = activity.seconds();
    Consumption consumed =
        Consumption.over(Consumption.inner(job), Consumption.Direction.READ, s -> 50);
    assertTrue(consumed.seconds() >= 5, "a job long enough to measure: " + job);
    assertEquals(Optional.empty(), consumed.outside(0.6, 1.1, 0.05), job::toString);
  }

  @Test
  void aCapacityRaisedMidJobIsFollowed() throws Exception {
    TableCapacity.provision(dynamoDb.emulated(), TABLE, 40, 100);
    TableActivity activity = TableActivity.from(dynamoDb.emulator(), TABLE);
    // Strongly consistent reads cost twice as much: a longer job from the same table.
    CompletableFuture<ExportRun> running =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return export("raised", "--consistent-read");
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    long raisedAt =
        activity.awaitUnits(Consumption.Direction.READ, 160, running, Duration.ofMinutes(1));
    TableCapacity.provision(dynamoDb.emulated(), TABLE, 160, 100);
    ExportRun run = running.get(2, TimeUnit.MINUTES);

    assertEquals(0, run.status(), run::stderr);
    List<TableStats.Second> job = activity.seconds();
    Consumption low =
        Consumption.over(
            Consumption.inner(Consumption.between(job, 0, raisedAt)),
            Consumption.Direction.READ,
            s -> 20);
    // Three seconds to notice: the leader re-reads the capacity, then every task re-divides.
    List<TableStats.Second> followed =
        Consumption.inner(Consumption.between(job, raisedAt + 3, Long.MAX_VALUE));
    Consumption high = Consumption.over(followed, Consumption.Direction.READ, s -> 80);
    assertTrue(high.seconds() >= 3, "seconds after the change: " + job);
    // Readers start with a full budget, one second of their share: over the few seconds before
    // the change that second weighs, so it is allowed on top of the margin.
    assertTrue(low.units() <= 1.2 * low.targetUnits() + 20, "before the change " + low + " " + job);
    assertTrue(
        high.ratio() >= 0.6 && high.ratio() <= 1.1,
        "after the change, consumed/new target " + high.ratio() + " " + high + " " + job);
  }
}
