package io.ddbio.it;

import io.ddbio.backup.TableSchema;
import io.ddbio.export.ExportJob;
import io.ddbio.export.ExportJobConf;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapreduce.JobID;
import org.apache.hadoop.mapreduce.TaskAttemptID;
import org.apache.hadoop.mapreduce.TaskID;
import org.apache.hadoop.mapreduce.TaskType;
import org.apache.hadoop.mapreduce.lib.output.FileOutputFormat;

/**
 * What a test or benchmark needs to drive the export's output format and committer without a job:
 * the configuration the export tool would have set, task attempt ids, and item lines.
 */
public final class ExportCommitConf {
  private ExportCommitConf() {}

  /** A copy of {@code base} as the export tool configures its job for {@code out}. */
  public static Configuration exportConf(Configuration base, Path out) {
    Configuration conf = new Configuration(base);
    conf.set(FileOutputFormat.OUTDIR, out.toString());
    ExportJob.force(conf);
    ExportJobConf.setStartTime(conf, Instant.now());
    ExportJobConf.setTableSchema(
        conf,
        new TableSchema(
            "Bench",
            List.of(new TableSchema.Key("pk", "HASH")),
            List.of(new TableSchema.Attribute("pk", "S")),
            "PAY_PER_REQUEST",
            0,
            0,
            List.of(),
            List.of()));
    return conf;
  }

  /** The first attempt of map task {@code task}. */
  public static TaskAttemptID attempt(JobID job, int task) {
    return new TaskAttemptID(new TaskID(job, TaskType.MAP, task), 0);
  }

  /** A Data Pipeline line of about {@code bytes} bytes whose key names the attempt. */
  public static byte[] line(TaskAttemptID id, int bytes) {
    StringBuilder b =
        new StringBuilder("{\"pk\":{\"s\":\"").append(id).append("\"},\"v\":{\"s\":\"");
    while (b.length() < bytes - 4) {
      b.append('x');
    }
    return b.append("\"}}").toString().getBytes(StandardCharsets.UTF_8);
  }
}
