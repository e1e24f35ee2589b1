package io.ddbio.export.output;

import io.ddbio.export.ExportJobConf;
import io.ddbio.export.commit.ExportCommitter;
import io.ddbio.export.commit.StartedExport;
import io.ddbio.export.layout.DataFileNames;
import io.ddbio.export.layout.ExportFormat;
import io.ddbio.export.layout.NativeLayout;
import io.ddbio.metrics.DdbioCounter;
import java.io.IOException;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.GzipCodec;
import org.apache.hadoop.mapred.FileAlreadyExistsException;
import org.apache.hadoop.mapred.InvalidJobConfException;
import org.apache.hadoop.mapreduce.JobContext;
import org.apache.hadoop.mapreduce.OutputCommitter;
import org.apache.hadoop.mapreduce.RecordWriter;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.lib.output.FileOutputFormat;
import org.apache.hadoop.mapreduce.security.TokenCache;
import org.apache.hadoop.util.ReflectionUtils;

/**
 * The export's files: each task attempt writes one data file, named by {@link DataFileNames}, at
 * its final place below the output directory, and {@link ExportCommitter} lists the committed ones
 * in the index files. Keys are ignored.
 *
 * <p>For {@link ExportFormat#DATAPIPELINE} the file is {@code <uuid>_<task>} at the top of the
 * output directory, compressed as {@link FileOutputFormat}'s keys say ({@code
 * mapreduce.output.fileoutputformat.compress[.codec]}) and then ending in the codec's extension.
 * For {@link ExportFormat#DYNAMODB_JSON} it is {@code AWSDynamoDB/<exportId>/data/<uuid>_<task>
 * .json.gz}, always gzip, as the native layout is (see {@link NativeLayout}). For {@link
 * ExportFormat#JSON} it is {@code <uuid>_<task>.json}, then the codec's extension.
 *
 * <p>The output directory must not exist, unless this job's tool recorded this run in it ({@link
 * #checkOutputSpecs}): a resumed export writes into the directory its earlier runs left.
 */
public class ExportOutputFormat extends FileOutputFormat<NullWritable, Text> {
  private ExportCommitter committer;

  @Override
  public RecordWriter<NullWritable, Text> getRecordWriter(TaskAttemptContext context)
      throws IOException {
    Configuration conf = context.getConfiguration();
    Path out = ((ExportCommitter) getOutputCommitter(context)).getOutputPath();
    return new ExportRecordWriter(
        out.getFileSystem(conf),
        out,
        dataFileName(context),
        context.getTaskAttemptID(),
        codec(context),
        context.getCounter(DdbioCounter.BYTES_WRITTEN));
  }

  /**
   * Refuses an output directory that exists, as {@link FileOutputFormat} does, unless its {@link
   * StartedExport} names this job's run: the tool writes that record before it submits a run, and a
   * resumed run adds to what is there.
   */
  @Override
  public void checkOutputSpecs(JobContext job) throws IOException {
    Path out = getOutputPath(job);
    if (out == null) {
      throw new InvalidJobConfException("The export has no output directory");
    }
    Configuration conf = job.getConfiguration();
    TokenCache.obtainTokensForNamenodes(job.getCredentials(), new Path[] {out}, conf);
    FileSystem fs = out.getFileSystem(conf);
    if (!fs.exists(out)) {
      return;
    }
    String run = ExportJobConf.runId(conf);
    Optional<StartedExport> started = StartedExport.read(fs, out);
    if (run == null || started.isEmpty() || !run.equals(started.get().lastRun().id())) {
      throw new FileAlreadyExistsException(
          "Output directory " + out + " already exists and is not an export this job resumes");
    }
  }

  /** Where the attempt of {@code context} writes its data file, below {@code out}. */
  public static Path dataFile(Path out, TaskAttemptContext context) throws IOException {
    return new Path(out, dataFileName(context));
  }

  /** The attempt's data file, as a path below the output directory. */
  private static String dataFileName(TaskAttemptContext context) throws IOException {
    Configuration conf = context.getConfiguration();
    CompressionCodec codec = codec(context);
    String extension = codec == null ? "" : codec.getDefaultExtension();
    return switch (ExportJobConf.format(conf)) {
      case DATAPIPELINE -> DataFileNames.dataFile(context.getTaskAttemptID(), extension);
      case JSON -> DataFileNames.dataFile(context.getTaskAttemptID(), ".json" + extension);
      case DYNAMODB_JSON ->
          NativeLayout.dataFile(
              ExportJobConf.nativeTarget(conf).exportId(),
              DataFileNames.dataFile(context.getTaskAttemptID(), ".json" + extension));
    };
  }

  /**
   * The codec data files are written with, or null for plain files: gzip for the native layout
   * whatever the keys say, else the one {@link FileOutputFormat}'s keys ask for.
   */
  public static CompressionCodec codec(JobContext context) {
    Class<? extends CompressionCodec> type;
    if (ExportJobConf.format(context.getConfiguration()) == ExportFormat.DYNAMODB_JSON) {
      type = GzipCodec.class;
    } else if (getCompressOutput(context)) {
      type = getOutputCompressorClass(context, GzipCodec.class);
    } else {
      return null;
    }
    return ReflectionUtils.newInstance(type, context.getConfiguration());
  }

  @Override
  public synchronized OutputCommitter getOutputCommitter(TaskAttemptContext context)
      throws IOException {
    if (committer == null) {
      committer = new ExportCommitter(getOutputPath(context), context);
    }
    return committer;
  }
}
