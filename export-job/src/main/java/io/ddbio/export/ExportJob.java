package io.ddbio.export;

import io.ddbio.backup.TableSchema;
import io.ddbio.config.DdbioKeys;
import io.ddbio.dynamodb.DynamoDBSession;
import io.ddbio.dynamodb.TableInfo;
import io.ddbio.dynamodb.TableSettings;
import io.ddbio.export.layout.ExportFormat;
import io.ddbio.export.layout.NativeExportTarget;
import io.ddbio.export.layout.NativeLayout;
import io.ddbio.export.output.ExportOutputFormat;
import io.ddbio.item.Expiry;
import io.ddbio.mapreduce.DynamoDBInputFormat;
import io.ddbio.mapreduce.ExpiryConf;
import io.ddbio.mapreduce.HadoopOptions;
import io.ddbio.metrics.CounterSink;
import io.ddbio.tool.UsageException;
import java.io.IOException;
import java.time.Instant;
import java.util.function.Consumer;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.MRJobConfig;
import org.apache.hadoop.mapreduce.lib.output.FileOutputFormat;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * Wires the map-only export job: table scan → {@link ExportMapper} → {@link ExportOutputFormat}.
 */
public final class ExportJob {
  private ExportJob() {}

  /**
   * Settings the export does not leave to the cluster's defaults: speculative map attempts would
   * scan the same segments twice and so consume the read budget twice. (The commit would keep only
   * one attempt's file; see {@link io.ddbio.export.commit.ExportCommitter}.)
   */
  public static void force(Configuration conf) {
    conf.setBoolean(MRJobConfig.MAP_SPECULATIVE, false);
  }

  /**
   * A job exporting as {@code conf} says (see {@link ExportArguments#applyTo}). A native-format
   * export gets its id here, so that every task writes below the same {@code
   * AWSDynamoDB/<exportId>/}.
   *
   * @param out the output directory, fully qualified
   * @param table the table as described at submit time, for the metadata and manifests
   * @param start when the export started, for the metadata
   * @param exportId the native export's id, or null for a new one; a resumed native export keeps
   *     its first run's
   * @param warnings told of the table's settings that could not be read ({@link TableSettings})
   * @throws UsageException for {@code --skip-expired} on a table whose time to live is off
   */
  static Job create(
      Configuration conf,
      Path out,
      TableDescription table,
      Instant start,
      String exportId,
      Consumer<String> warnings)
      throws IOException {
    Job job = Job.getInstance(conf);
    Configuration jobConf = job.getConfiguration();
    force(jobConf);
    TableInfo info =
        TableInfo.of(jobConf.get(DdbioKeys.INPUT_TABLE.name(), table.tableName()), table);
    TableSettings settings;
    try (DynamoDBSession session =
        DynamoDBSession.open(HadoopOptions.from(jobConf), CounterSink.NONE)) {
      settings = TableSettings.read(session, info, warnings);
    }
    TableSchema schema = TableSchema.of(table).with(settings);
    if (ExportJobConf.skipExpired(jobConf)) {
      String attribute =
          settings
              .timeToLiveAttribute()
              .orElseThrow(
                  () ->
                      new UsageException(
                          "--skip-expired leaves out the items whose time to live has expired,"
                              + " but table \""
                              + info.name()
                              + "\" has no time to live on"
                              + (settings.timeToLive().isEmpty()
                                  ? " that could be read (see the warning above)"
                                  : "")));
      // Judged as of the export's start, by every task and every resumed run alike.
      ExpiryConf.set(jobConf, Expiry.at(attribute, start));
    }
    ExportJobConf.setStartTime(jobConf, start);
    ExportJobConf.setTableSchema(jobConf, schema);
    if (ExportJobConf.format(jobConf) == ExportFormat.DYNAMODB_JSON) {
      ExportJobConf.setNativeTarget(
          jobConf,
          new NativeExportTarget(
              exportId == null ? NativeLayout.newExportId(start) : exportId,
              table.tableArn(),
              table.tableId()));
    }
    job.setJobName("ddbio export of " + schema.tableName() + " to " + out);
    job.setJarByClass(ExportJob.class);
    job.setInputFormatClass(DynamoDBInputFormat.class);
    job.setMapperClass(ExportMapper.class);
    job.setNumReduceTasks(0);
    job.setOutputKeyClass(NullWritable.class);
    job.setOutputValueClass(Text.class);
    job.setOutputFormatClass(ExportOutputFormat.class);
    FileOutputFormat.setOutputPath(job, out);
    return job;
  }
}
