package io.ddbio.mapreduce;

import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.mapreduce.Cluster;
import org.apache.hadoop.mapreduce.ClusterMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How many map tasks the cluster runs at once: the parallelism a scan is planned for and the number
 * of tasks that share a budget. Best effort; 0 means unknown and the planner then assumes every
 * split runs at once, which can only under-use the budget, never exceed it. Public so jobs that
 * plan their own splits (the import) share a budget the same way.
 */
public final class ClusterSlots {
  private static final Logger LOG = LoggerFactory.getLogger(ClusterSlots.class);

  private ClusterSlots() {}

  /**
   * Map tasks the cluster runs at once: {@code mapreduce.local.map.tasks.maximum} for the
   * LocalJobRunner, else the cluster's reported map capacity.
   *
   * @return the slots, or 0 when unknown
   */
  public static int mapSlots(Configuration conf) {
    if ("local".equals(conf.get("mapreduce.framework.name", "local"))) {
      return conf.getInt("mapreduce.local.map.tasks.maximum", 1);
    }
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
