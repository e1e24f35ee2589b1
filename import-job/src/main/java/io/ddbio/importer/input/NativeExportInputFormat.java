package io.ddbio.importer.input;

import io.ddbio.importer.layout.NativeExportLayout;
import io.ddbio.importer.progress.ImportProgress;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.InputFormat;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.JobContext;
import org.apache.hadoop.mapreduce.RecordReader;
import org.apache.hadoop.mapreduce.TaskAttemptContext;

/**
 * Reads the data files a native export's {@code manifest-files.json} lists, one split per file
 * ({@link NativeFileSplit}, carrying the file's recorded MD5 and item count), as numbered lines.
 * Each file is checked against the manifest before its first line is returned ({@link
 * NativeExportRecordReader}).
 */
public class NativeExportInputFormat extends InputFormat<LongWritable, Text> {
  /** The export directory ({@code AWSDynamoDB/<ExportId>}); set by {@link #setExport}. */
  static final String EXPORT_DIR_KEY = "ddbio.import.native.export.dir";

  /**
   * Reads the export in {@code dir}, the directory that holds its {@code manifest-summary.json}.
   */
  public static void setExport(Job job, Path dir) {
    job.getConfiguration().set(EXPORT_DIR_KEY, dir.toString());
  }

  /**
   * One split per listed file. The manifests are read again here rather than carried in the job's
   * configuration: an export may list thousands of files, and every task would load them all. A
   * resumed import leaves out the files an earlier run imported.
   */
  @Override
  public List<InputSplit> getSplits(JobContext context) throws IOException {
    String dir = context.getConfiguration().get(EXPORT_DIR_KEY);
    if (dir == null) {
      throw new IOException(EXPORT_DIR_KEY + " is not set: call setExport");
    }
    NativeExportLayout layout = NativeExportLayout.read(new Path(dir), context.getConfiguration());
    List<InputSplit> splits = new ArrayList<>(layout.files().size());
    for (NativeExportLayout.DataFile f : layout.files()) {
      splits.add(
          new NativeFileSplit(
              f.status().getPath(),
              f.status().getLen(),
              f.entry().md5Checksum(),
              f.entry().itemCount()));
    }
    return ImportProgress.remaining(splits, context.getConfiguration());
  }

  @Override
  public RecordReader<LongWritable, Text> createRecordReader(
      InputSplit split, TaskAttemptContext context) {
    return new NativeExportRecordReader();
  }
}
