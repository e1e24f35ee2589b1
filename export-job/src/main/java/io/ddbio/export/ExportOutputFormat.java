package io.ddbio.export;

import io.ddbio.metrics.DdbioCounter;
import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.GzipCodec;
import org.apache.hadoop.mapreduce.OutputCommitter;
import org.apache.hadoop.mapreduce.RecordWriter;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.lib.output.FileOutputFormat;
import org.apache.hadoop.util.ReflectionUtils;

/**
 * The export's files: each task writes one data file of Data Pipeline lines, named by {@link
 * DataFileNames}, in its attempt's work directory, and {@link ExportCommitter} publishes the
 * committed ones with a manifest and metadata. Compression follows {@link FileOutputFormat}'s keys
 * ({@code mapreduce.output.fileoutputformat.compress[.codec]}); the data files then end in the
 * codec's extension. Keys are ignored.
 *
 * <p>The output directory must not exist ({@link FileOutputFormat#checkOutputSpecs}).
 */
public class ExportOutputFormat extends FileOutputFormat<NullWritable, Text> {
  private ExportCommitter committer;

  @Override
  public RecordWriter<NullWritable, Text> getRecordWriter(TaskAttemptContext context)
      throws IOException {
    Configuration conf = context.getConfiguration();
    CompressionCodec codec = codec(context);
    String name =
        DataFileNames.dataFile(
            context.getTaskAttemptID(), codec == null ? "" : codec.getDefaultExtension());
    Path workDir = ((ExportCommitter) getOutputCommitter(context)).getWorkPath();
    return new ExportRecordWriter(
        workDir.getFileSystem(conf),
        workDir,
        name,
        codec,
        context.getCounter(DdbioCounter.BYTES_WRITTEN));
  }

  /** The codec the configuration asks for, or null for plain files. */
  static CompressionCodec codec(org.apache.hadoop.mapreduce.JobContext context) {
    if (!getCompressOutput(context)) {
      return null;
    }
    Class<? extends CompressionCodec> type = getOutputCompressorClass(context, GzipCodec.class);
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
