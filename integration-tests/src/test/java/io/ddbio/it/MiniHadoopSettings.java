package io.ddbio.it;

import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;

/**
 * The settings {@link MiniHadoop} starts its cluster with. They are small and fast for a 2-core
 * machine, and they end up in every job configuration the cluster hands out.
 */
final class MiniHadoopSettings {
  /**
   * Memory the NodeManager offers: eight containers of {@value ContainerJvm#CONTAINER_MB} MB, so
   * two jobs' application masters and a four-segment job's maps all run at once. (4096 MB, what the
   * minicluster's NodeManager offered before this was set explicitly.)
   */
  static final int NODE_MANAGER_MB = 8 * ContainerJvm.CONTAINER_MB;

  /** Virtual cores the NodeManager offers: one for each container its memory holds. */
  static final int NODE_MANAGER_VCORES = 8;

  /** How often the client, the application master and the NodeManager report; default 1 s. */
  static final int HEARTBEAT_MS = 100;

  private MiniHadoopSettings() {}

  static Configuration clusterConf(Path workDir) {
    Configuration conf = new Configuration();
    // Scratch files of every Hadoop component default to /tmp/hadoop-<user>; keep them here.
    conf.set("hadoop.tmp.dir", workDir.resolve("tmp").toString());
    conf.setInt("dfs.replication", 1);

    yarnResources(conf);
    containerJvms(conf);
    speed(conf);

    // Only loopback: the servers bind to where their addresses point (localhost, 127.0.0.1).
    // One exception stays: the NodeManager's MapReduce shuffle (ShuffleHandler) binds its Netty
    // server to the wildcard address, and Hadoop 3.4 has no setting for that. It cannot be left
    // out: the application master asks for it when it launches any task, map-only jobs included.
    conf.set("yarn.resourcemanager.bind-host", "127.0.0.1");
    conf.set("yarn.nodemanager.bind-host", "127.0.0.1");
    conf.set("mapreduce.jobhistory.bind-host", "127.0.0.1");
    // Not needed by MapReduce jobs; one less server to start.
    conf.setBoolean("yarn.timeline-service.enabled", false);
    return conf;
  }

  private static void yarnResources(Configuration conf) {
    // MiniYARNCluster replaces yarn.nodemanager.resource.memory-mb with this key's value (default
    // 4096) when it starts a NodeManager; set both so the node offers exactly NODE_MANAGER_MB.
    conf.setInt("yarn.minicluster.yarn.nodemanager.resource.memory-mb", NODE_MANAGER_MB);
    conf.setInt("yarn.nodemanager.resource.memory-mb", NODE_MANAGER_MB);
    conf.setInt("yarn.nodemanager.resource.cpu-vcores", NODE_MANAGER_VCORES);
    conf.setInt("yarn.scheduler.minimum-allocation-mb", 128);
    conf.setInt("yarn.scheduler.maximum-allocation-mb", NODE_MANAGER_MB);
    // JVMs reserve far more virtual memory than they use; the physical check is no better on a
    // shared test machine. The minicluster turns both off too, unless told otherwise.
    conf.setBoolean("yarn.nodemanager.vmem-check-enabled", false);
    conf.setBoolean("yarn.nodemanager.pmem-check-enabled", false);
    // A nearly full disk would mark the node unhealthy and no container would ever start.
    conf.setBoolean("yarn.nodemanager.disk-health-checker.enable", false);
  }

  private static void containerJvms(Configuration conf) {
    String javaOpts = ContainerJvm.javaOpts();
    conf.setInt("yarn.app.mapreduce.am.resource.mb", ContainerJvm.CONTAINER_MB);
    conf.set("yarn.app.mapreduce.am.command-opts", javaOpts);
    conf.setInt("mapreduce.map.memory.mb", ContainerJvm.CONTAINER_MB);
    conf.set("mapreduce.map.java.opts", javaOpts);
    conf.setInt("mapreduce.reduce.memory.mb", ContainerJvm.CONTAINER_MB);
    conf.set("mapreduce.reduce.java.opts", javaOpts);
    // Containers start "$JAVA_HOME/bin/java", and JAVA_HOME is often unset where tests run (Maven
    // does not need it). Point it at the JVM running the tests, whatever the environment says.
    conf.set(
        "yarn.nodemanager.admin-env",
        "MALLOC_ARENA_MAX=$MALLOC_ARENA_MAX,JAVA_HOME=" + System.getProperty("java.home"));
  }

  private static void speed(Configuration conf) {
    conf.setInt("yarn.resourcemanager.nodemanagers.heartbeat-interval-ms", HEARTBEAT_MS);
    conf.setInt("yarn.app.mapreduce.am.scheduler.heartbeat.interval-ms", HEARTBEAT_MS);
    conf.setInt("mapreduce.client.progressmonitor.pollinterval", HEARTBEAT_MS);
    // Without this a job's client notices the end of the job up to 5 s late.
    conf.setInt("mapreduce.client.completion.pollinterval", HEARTBEAT_MS);
    conf.setBoolean("mapreduce.map.speculative", false);
    conf.setBoolean("mapreduce.reduce.speculative", false);
  }
}
