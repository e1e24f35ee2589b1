package io.ddbio.mapreduce;

import io.ddbio.cluster.MapConcurrency;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.mapred.JobConf;
import org.apache.hadoop.mapreduce.Cluster;
import org.apache.hadoop.mapreduce.ClusterMetrics;
import org.apache.hadoop.mapreduce.MRConfig;
import org.apache.hadoop.mapreduce.MRJobConfig;
import org.apache.hadoop.mapreduce.TaskType;
import org.apache.hadoop.yarn.api.records.NodeReport;
import org.apache.hadoop.yarn.api.records.NodeState;
import org.apache.hadoop.yarn.api.records.Resource;
import org.apache.hadoop.yarn.client.api.YarnClient;
import org.apache.hadoop.yarn.exceptions.YarnException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How many map tasks the cluster runs at once: the parallelism a scan is planned for and the number
 * of tasks that share a budget. Best effort; 0 means unknown and the planner then assumes every
 * split runs at once, which can only under-use the budget, never exceed it. Public so jobs that
 * plan their own splits (the import) share a budget the same way.
 *
 * <p>On YARN the count comes from the running NodeManagers' resources and the job's map size
 * ({@link MapConcurrency}): YARN's own cluster metrics report 10 map slots per NodeManager whatever
 * its size, which says nothing about a cluster of large or small nodes.
 */
public final class ClusterSlots {
  private static final Logger LOG = LoggerFactory.getLogger(ClusterSlots.class);

  private ClusterSlots() {}

  /**
   * Map tasks the cluster runs at once: on YARN, the maps of the job's size ({@code
   * mapreduce.map.memory.mb}, as MapReduce asks for it) that fit in the running NodeManagers'
   * memory (vcores are logged, not counted: see {@link MapConcurrency}); {@code
   * mapreduce.local.map.tasks.maximum} for the LocalJobRunner; else the cluster's reported map
   * capacity.
   *
   * <p>Once: one call to the ResourceManager, with the YARN client's own connection retries.
   *
   * @return the slots, or 0 when unknown
   */
  public static int mapSlots(Configuration conf) {
    String framework = conf.get(MRConfig.FRAMEWORK_NAME, MRConfig.LOCAL_FRAMEWORK_NAME);
    if (MRConfig.LOCAL_FRAMEWORK_NAME.equals(framework)) {
      return conf.getInt("mapreduce.local.map.tasks.maximum", 1);
    }
    if (MRConfig.YARN_FRAMEWORK_NAME.equals(framework)) {
      return yarnMapSlots(conf);
    }
    LOG.warn(
        "{}={} is neither yarn nor local; using the cluster's reported map capacity, which may"
            + " not be what it really runs at once",
        MRConfig.FRAMEWORK_NAME,
        framework);
    return reportedMapSlots(conf);
  }

  private static int yarnMapSlots(Configuration conf) {
    // As the MapReduce application master sizes its map containers: an unset or non-positive
    // mapreduce.map.memory.mb is inferred from the map's -Xmx, else 1024 MB.
    int mapMb = new JobConf(conf).getMemoryRequired(TaskType.MAP);
    int mapVcores =
        Math.max(1, conf.getInt(MRJobConfig.MAP_CPU_VCORES, MRJobConfig.DEFAULT_MAP_CPU_VCORES));
    List<MapConcurrency.Resources> nodes;
    try {
      nodes = runningNodes(conf);
    } catch (IOException | YarnException | RuntimeException e) {
      LOG.warn(
          "The running NodeManagers' resources could not be read from YARN ({}); planning as if"
              + " every split runs at once",
          e.toString());
      return 0;
    }
    MapConcurrency.Resources perMap = new MapConcurrency.Resources(Math.max(1, mapMb), mapVcores);
    int slots = MapConcurrency.mapsThatFit(nodes, perMap);
    LOG.info(
        "The cluster runs {} maps of {} MB and {} vcores at once on its {} running NodeManagers"
            + " ({} MB, {} vcores in all)",
        slots,
        perMap.memoryMb(),
        perMap.vcores(),
        nodes.size(),
        nodes.stream().mapToLong(MapConcurrency.Resources::memoryMb).sum(),
        nodes.stream().mapToLong(MapConcurrency.Resources::vcores).sum());
    return slots;
  }

  /** What each RUNNING NodeManager offers in all (not what is free now: other jobs come and go). */
  private static List<MapConcurrency.Resources> runningNodes(Configuration conf)
      throws IOException, YarnException {
    try (YarnClient yarn = YarnClient.createYarnClient()) {
      yarn.init(conf);
      yarn.start();
      List<MapConcurrency.Resources> nodes = new ArrayList<>();
      for (NodeReport report : yarn.getNodeReports(NodeState.RUNNING)) {
        Resource capability = report.getCapability();
        if (capability != null) {
          nodes.add(
              new MapConcurrency.Resources(
                  Math.max(0, capability.getMemorySize()),
                  Math.max(0, capability.getVirtualCores())));
        }
      }
      return nodes;
    }
  }

  private static int reportedMapSlots(Configuration conf) {
    Cluster cluster = null;
    try {
      cluster = new Cluster(conf);
      ClusterMetrics metrics = cluster.getClusterStatus();
      return Math.max(0, metrics.getMapSlotCapacity());
    } catch (IOException | InterruptedException | RuntimeException e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      LOG.info(
          "Cluster map capacity unknown ({}); planning as if every split runs at once",
          e.toString());
      return 0;
    } finally {
      if (cluster != null) {
        try {
          cluster.close();
        } catch (IOException e) {
          LOG.debug("Closing the cluster client", e);
        }
      }
    }
  }
}
