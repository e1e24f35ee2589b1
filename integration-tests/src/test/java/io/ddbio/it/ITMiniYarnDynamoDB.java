package io.ddbio.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbio.mapreduce.ClusterSlots;
import io.ddbio.metrics.DdbioCounter;
import io.ddbio.testkit.PkSkTables;
import io.ddbio.testkit.Tables;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapreduce.Cluster;
import org.apache.hadoop.mapreduce.JobCounter;
import org.apache.hadoop.mapreduce.TaskCounter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The library's formats on the real engine: a table goes to HDFS through {@code
 * DynamoDBInputFormat} and back into a fresh table through {@code DynamoDBOutputFormat}, each in a
 * MapReduce job whose map tasks run in YARN containers.
 *
 * <p>DynamoDB Local runs in a JVM of its own (see {@link HadoopWithDynamoDb}).
 */
class ITMiniYarnDynamoDB {
  private static final Logger LOG = LoggerFactory.getLogger(ITMiniYarnDynamoDB.class);
  private static final int ITEMS = 2_000;
  private static final int SEGMENTS = 4;

  private static HadoopWithDynamoDb env;

  @BeforeAll
  static void start() {
    env = HadoopWithDynamoDb.start(ITMiniYarnDynamoDB.class.getSimpleName());
  }

  @AfterAll
  static void stop() {
    if (env != null) {
      env.close();
    }
  }

  @Test
  void tableToHdfsAndBackIntoAFreshTable() throws Exception {
    long begin = System.nanoTime();
    List<Map<String, AttributeValue>> source =
        PkSkTables.createAndFill(env.client(), "yarn_source", ITEMS, 21);
    LOG.info("yarn_source filled in {} ms", (System.nanoTime() - begin) / 1_000_000);
    Path lines = new Path("/it/yarn/lines");

    JobRun export =
        JobRun.succeed(
            CopyJobs.tableToLines(
                env.hadoop().conf(), env.dynamoDbEndpoint(), "yarn_source", SEGMENTS, lines));
    assertRanOnYarn(export);
    List<Map<String, AttributeValue>> read = ItemFiles.readParts(env.hadoop().conf(), lines);
    assertEquals(ITEMS, read.size(), "lines in HDFS, counting duplicates");
    PkSkTables.assertSameItems(source, read);
    assertEquals(SEGMENTS, export.counter(JobCounter.TOTAL_LAUNCHED_MAPS));
    assertEquals(SEGMENTS, export.counter(TaskPlacement.IN_CONTAINER_JVM));
    assertEquals(ITEMS, export.counter(DdbioCounter.ITEMS_READ));
    assertEquals(SEGMENTS, export.counter(DdbioCounter.SEGMENTS_COMPLETED));
    assertEquals(ITEMS, export.counter(TaskCounter.MAP_OUTPUT_RECORDS));

    PkSkTables.create(env.client(), "yarn_target");
    JobRun load =
        JobRun.succeed(
            CopyJobs.linesToTable(
                env.hadoop().conf(), env.dynamoDbEndpoint(), lines, "yarn_target"));
    assertRanOnYarn(load);
    List<Map<String, AttributeValue>> stored = Tables.scanAll(env.client(), "yarn_target");
    assertEquals(ITEMS, stored.size());
    PkSkTables.assertSameItems(source, stored);
    long maps = load.counter(JobCounter.TOTAL_LAUNCHED_MAPS);
    assertTrue(maps >= SEGMENTS, "one map task per part file at least, was " + maps);
    assertEquals(maps, load.counter(TaskPlacement.IN_CONTAINER_JVM));
    assertEquals(ITEMS, load.counter(DdbioCounter.ITEMS_WRITTEN));
  }

  /**
   * The map tasks the cluster runs at once come from what its NodeManager offers (memory and
   * vcores, {@link MiniHadoopSettings}) against what a map asks for, not from YARN's cluster
   * metrics, which report 10 map slots per NodeManager whatever its size.
   */
  @Test
  void mapSlotsAreWhatTheNodeManagersResourcesHold() throws Exception {
    Configuration conf = env.hadoop().conf();
    int reportedByYarn;
    Cluster cluster = new Cluster(conf);
    try {
      reportedByYarn = cluster.getClusterStatus().getMapSlotCapacity();
    } finally {
      cluster.close();
    }
    assertEquals(10, reportedByYarn, "YARN's invented figure: 10 per NodeManager");

    int mapMb = ContainerJvm.CONTAINER_MB;
    assertEquals(mapMb, conf.getInt("mapreduce.map.memory.mb", -1));
    // 4096 MB hold 8 maps of 512 MB; 8 vcores hold 8 maps of 1 vcore.
    int byMemory = MiniHadoopSettings.NODE_MANAGER_MB / mapMb;
    assertEquals(8, byMemory);
    assertEquals(byMemory, ClusterSlots.mapSlots(conf), "maps of " + mapMb + " MB, 1 vcore");

    Configuration fourVcores = new Configuration(conf);
    fourVcores.setInt("mapreduce.map.cpu.vcores", 4);
    // MiniYARN's CapacityScheduler places by memory alone, so vcores do not lower the count.
    assertEquals(byMemory, ClusterSlots.mapSlots(fourVcores), "maps of 4 vcores");

    Configuration bigger = new Configuration(conf);
    bigger.setInt("mapreduce.map.memory.mb", 1000);
    assertEquals(
        MiniHadoopSettings.NODE_MANAGER_MB / 1000,
        ClusterSlots.mapSlots(bigger),
        "maps of 1000 MB: the memory bound, rounded down");
  }

  /** The job went to the ResourceManager, not to LocalJobRunner, and none of its tasks failed. */
  private static void assertRanOnYarn(JobRun run) {
    assertEquals("yarn", run.job().getConfiguration().get("mapreduce.framework.name"));
    String id = run.job().getJobID().toString();
    assertFalse(id.startsWith("job_local"), id);
    assertEquals(0, run.counter(JobCounter.NUM_FAILED_MAPS));
  }
}
