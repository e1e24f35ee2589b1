package io.ddbio.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbio.metrics.DdbioCounter;
import io.ddbio.testing.LocalJobs;
import io.ddbio.testkit.PkSkTables;
import io.ddbio.testkit.emulator.Consumption;
import io.ddbio.testkit.emulator.TableActivity;
import io.ddbio.testkit.emulator.TableCapacity;
import io.ddbio.testkit.emulator.TableStats;
import io.ddbio.testkit.items.SizedItems;
import io.ddbio.testkit.junit.LocalDynamoDb;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The import's write rate against a provisioned table, through the capacity emulator: the whole
 * job, with more files than map threads, keeps to its share of the table's capacity, and follows
 * the capacity when it is lowered while the job runs.
 *
 * <p>Items of 1 KB cost one write unit each. The emulator keeps no burst credit. The bounds are
 * sanity margins on consumed capacity; how close the jobs come is measured by {@code ./ddbio
 * throughput-benchmark}.
 */
class ITImportRate {
  private static final int ITEM_BYTES = 1_000;
  private static final int FILES = 8;
  private static final int MAP_THREADS = 4;

  @RegisterExtension
  static final LocalDynamoDb dynamoDb = LocalDynamoDb.behindEmulator().withoutBurstCredit();

  @TempDir Path tmp;

  /** A backup of {@code items} 1 KB items in {@value #FILES} files. */
  private Path backup(int items) throws Exception {
    List<Map<String, AttributeValue>> all = SizedItems.items(items, ITEM_BYTES);
    Path dir = tmp.resolve("backup");
    for (int f = 0; f < FILES; f++) {
      int from = f * items / FILES;
      int to = (f + 1) * items / FILES;
      Backups.writeItems(dir.resolve("part-" + f), all.subList(from, to));
    }
    Backups.writeManifest(dir);
    return dir;
  }

  private static void createTable(String table, long writeUnits) {
    PkSkTables.create(dynamoDb.client(), table);
    TableCapacity.provision(dynamoDb.emulated(), table, 1000, writeUnits);
  }

  /** The LocalJobRunner, the budget re-divided and the capacity re-read every second. */
  private Configuration conf() {
    Configuration conf = LocalJobs.conf(tmp.resolve("work"), MAP_THREADS);
    conf.set("dynamodb.throughput.share.interval", "1s");
    conf.set("dynamodb.throughput.capacity.refresh", "1s");
    return conf;
  }

  @Test
  void aJobAtHalfTheCapacityConsumesHalfTheCapacity() throws Exception {
    String table = "ImportRate";
    createTable(table, 200);
    TableActivity activity = TableActivity.from(dynamoDb.emulator(), table);

    ImportRun run =
        ImportRun.of(conf(), dynamoDb.endpoint(), backup(1_000).toString(), table, "0.5");

    assertEquals(0, run.exit(), run.err());
    assertEquals(1_000, run.counter(DdbioCounter.ITEMS_WRITTEN));
    List<TableStats.Second> job = activity.seconds();
    Consumption consumed =
        Consumption.over(Consumption.inner(job), Consumption.Direction.WRITE, s -> 100);
    assertTrue(consumed.seconds() >= 5, "a job long enough to measure: " + job);
    assertEquals(Optional.empty(), consumed.outside(0.6, 1.1, 0.05), job::toString);
  }

  @Test
  void aCapacityLoweredMidJobIsFollowed() throws Exception {
    String table = "ImportRateLowered";
    createTable(table, 200);
    TableActivity activity = TableActivity.from(dynamoDb.emulator(), table);
    Path backup = backup(600);
    CompletableFuture<ImportRun> running =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return ImportRun.of(conf(), dynamoDb.endpoint(), backup.toString(), table, "0.5");
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    long loweredAt =
        activity.awaitUnits(Consumption.Direction.WRITE, 200, running, Duration.ofMinutes(1));
    TableCapacity.provision(dynamoDb.emulated(), table, 1000, 80);
    ImportRun run = running.get(2, TimeUnit.MINUTES);

    assertEquals(0, run.exit(), run.err());
    List<TableStats.Second> job = activity.seconds();
    // Three seconds to notice: the leader re-reads the capacity, then every task re-divides.
    List<TableStats.Second> followed =
        Consumption.inner(Consumption.between(job, loweredAt + 3, Long.MAX_VALUE));
    Consumption low = Consumption.over(followed, Consumption.Direction.WRITE, s -> 40);
    assertTrue(low.seconds() >= 3, "seconds after the change: " + job);
    // Not following would run at the table's 80 units/s: twice the new target.
    assertTrue(
        low.ratio() >= 0.6 && low.ratio() <= 1.1,
        "after the change, consumed/new target " + low.ratio() + " " + low + " " + job);
  }
}
