package io.ddbio.testing;

import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;

/** Configuration for jobs run in-process on Hadoop's LocalJobRunner against the local disk. */
public final class LocalJobs {
  private LocalJobs() {}

  /**
   * @param workDir scratch space for Hadoop's staging and local directories
   * @param mapThreads map tasks the LocalJobRunner runs at once
   */
  public static Configuration conf(Path workDir, int mapThreads) {
    Configuration conf = new Configuration(false);
    conf.addResource("core-default.xml");
    conf.addResource("mapred-default.xml");
    conf.set("mapreduce.framework.name", "local");
    conf.set("fs.defaultFS", "file:///");
    conf.set("hadoop.tmp.dir", workDir.resolve("hadoop-tmp").toString());
    conf.set("mapreduce.jobtracker.staging.root.dir", workDir.resolve("staging").toString());
    // Without this every job waits 5 s after finishing before the client notices.
    conf.setInt("mapreduce.client.completion.pollinterval", 100);
    conf.setInt("mapreduce.local.map.tasks.maximum", mapThreads);
    conf.setBoolean("mapreduce.map.speculative", false);
    return conf;
  }
}
