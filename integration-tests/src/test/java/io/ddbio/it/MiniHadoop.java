package io.ddbio.it;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FileUtil;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.hadoop.mapreduce.v2.MiniMRYarnCluster;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A one-node Hadoop cluster in this JVM: HDFS (a NameNode and one DataNode) and YARN with MapReduce
 * (a ResourceManager, one NodeManager, a JobHistoryServer), every server on loopback. Start one per
 * test class; jobs submitted with {@link #conf()} run their application master and tasks in
 * container JVMs launched by the NodeManager, exactly as on a real cluster.
 *
 * <p>How the containers find the job's classes: MapReduce, seeing {@code yarn.is.minicluster} (set
 * by the minicluster in {@link #conf()}), puts the submitting JVM's {@code java.class.path} on the
 * container class path. Under failsafe that is the test class path: the library, its dependencies,
 * Hadoop and the test classes (mappers included). No job jar is needed, and the containers run the
 * very classes the test compiled. On a real cluster a job jar is needed instead.
 *
 * <p>Every server listens on loopback only, but for the NodeManager's shuffle service (see {@link
 * MiniHadoopSettings}).
 *
 * <p>Files stay under {@code target/minihadoop/<name>} after {@link #close()}: HDFS under {@code
 * dfs}, YARN under {@code yarn}. A failed task's stack trace is in its container's {@code syslog},
 * under {@code yarn/yarn-*}{@code /yarn-logDir-nm-*}{@code /<application>/<container>/}.
 */
public final class MiniHadoop implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(MiniHadoop.class);

  private static final Duration NODE_MANAGER_WAIT = Duration.ofSeconds(60);

  /** The system property naming the directory Hadoop's test utilities create files in. */
  private static final String TEST_BUILD_DATA = "test.build.data";

  private final MiniDFSCluster dfsCluster;
  private final MiniMRYarnCluster yarnCluster;
  private final FileSystem dfs;
  private final Path workDir;
  private final Duration startupTime;

  private MiniHadoop(
      MiniDFSCluster dfsCluster,
      MiniMRYarnCluster yarnCluster,
      FileSystem dfs,
      Path workDir,
      Duration startupTime) {
    this.dfsCluster = dfsCluster;
    this.yarnCluster = yarnCluster;
    this.dfs = dfs;
    this.workDir = workDir;
    this.startupTime = startupTime;
  }

  /**
   * Starts HDFS, then YARN on it.
   *
   * @param name names the working directory {@code target/minihadoop/<name>}, emptied first; use
   *     the test class's simple name
   * @throws IllegalStateException saying which part did not start and where its logs are
   */
  public static MiniHadoop start(String name) {
    long begin = System.nanoTime();
    Path workDir = Path.of("target", "minihadoop", name).toAbsolutePath();
    FileUtil.fullyDelete(workDir.toFile());
    Configuration conf = MiniHadoopSettings.clusterConf(workDir);

    MiniDFSCluster dfsCluster = startDfs(conf, workDir.resolve("dfs").toFile());
    MiniMRYarnCluster yarnCluster = null;
    try {
      FileSystem dfs = dfsCluster.getFileSystem();
      conf.set(FileSystem.FS_DEFAULT_NAME_KEY, dfs.getUri().toString());
      yarnCluster = startYarn(name, conf, workDir);
      Duration startupTime = Duration.ofNanos(System.nanoTime() - begin);
      LOG.info(
          "MiniHadoop {} up in {} ms: {} and ResourceManager {}",
          name,
          startupTime.toMillis(),
          dfs.getUri(),
          yarnCluster.getConfig().get("yarn.resourcemanager.address"));
      return new MiniHadoop(dfsCluster, yarnCluster, dfs, workDir, startupTime);
    } catch (IOException | RuntimeException e) {
      if (yarnCluster != null) {
        yarnCluster.stop();
      }
      dfsCluster.shutdown();
      throw e instanceof IllegalStateException ise
          ? ise
          : new IllegalStateException("MiniHadoop " + name + " did not start: " + e, e);
    }
  }

  private static MiniDFSCluster startDfs(Configuration conf, File baseDir) {
    try {
      return new MiniDFSCluster.Builder(conf, baseDir).numDataNodes(1).format(true).build();
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException("MiniDFSCluster did not start in " + baseDir + ": " + e, e);
    }
  }

  private static MiniMRYarnCluster startYarn(String name, Configuration conf, Path workDir) {
    // MiniYARN keeps its files under ${test.build.data}/<its name> (Hadoop's test convention,
    // default target/test/data); pointed at our directory, every file of the cluster is in one
    // place.
    System.setProperty(TEST_BUILD_DATA, workDir.toString());
    MiniMRYarnCluster yarn = new MiniMRYarnCluster("yarn", 1);
    try {
      yarn.init(conf);
      yarn.start();
      if (!yarn.waitForNodeManagersToConnect(NODE_MANAGER_WAIT.toMillis())) {
        throw new IllegalStateException(
            "The NodeManager did not register with the ResourceManager within "
                + NODE_MANAGER_WAIT.toSeconds()
                + " s; see the logs under "
                + workDir);
      }
      return yarn;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      yarn.stop();
      throw new IllegalStateException("Interrupted while starting MiniYARN", e);
    } catch (RuntimeException | org.apache.hadoop.yarn.exceptions.YarnException e) {
      yarn.stop();
      throw e instanceof IllegalStateException ise
          ? ise
          : new IllegalStateException(
              "MiniMRYarnCluster did not start (logs under " + workDir + "): " + e, e);
    }
  }

  /**
   * A new configuration for submitting jobs to this cluster: HDFS as the default file system,
   * {@code mapreduce.framework.name=yarn}, the ResourceManager's and history server's addresses,
   * and the container sizes and Java options of {@link MiniHadoopSettings}. Each call returns a
   * fresh copy the caller may change.
   */
  public Configuration conf() {
    return new Configuration(yarnCluster.getConfig());
  }

  /** The cluster's HDFS; closed by {@link #close()}. */
  public FileSystem dfs() {
    return dfs;
  }

  /** The directory holding the cluster's files and logs. */
  public Path workDir() {
    return workDir;
  }

  /** How long {@link #start} took, HDFS and YARN together. */
  public Duration startupTime() {
    return startupTime;
  }

  /** Stops YARN, then HDFS. */
  @Override
  public void close() {
    try {
      yarnCluster.stop();
    } finally {
      try {
        dfs.close();
      } catch (IOException e) {
        throw new UncheckedIOException("Closing the HDFS client", e);
      } finally {
        dfsCluster.shutdown();
      }
    }
  }
}
