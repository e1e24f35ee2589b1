package io.ddbio.importer.input;

import io.ddbio.importer.layout.BackupLayout;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.JobContext;
import org.apache.hadoop.mapreduce.RecordReader;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;

/**
 * Reads exactly the data files a {@link BackupLayout} found, one split per file, as numbered lines:
 * the key is the line's number in its file, from 1, and the value the line without its terminator.
 * Files are never split, so every line has its true number for error messages; compressed files are
 * decompressed by the codec their extension names.
 */
public class BackupInputFormat extends FileInputFormat<LongWritable, Text> {

  /**
   * Reads these files, and only these: no directory listing, no globbing, no hidden-name filter.
   */
  public static void setDataFiles(Job job, List<Path> files) throws IOException {
    if (files.isEmpty()) {
      // The export of an empty table lists no file: a job of no map task, which restores 0 items.
      // (setInputPaths needs at least one path.)
      job.getConfiguration().set(FileInputFormat.INPUT_DIR, "");
      return;
    }
    FileInputFormat.setInputPaths(job, files.toArray(Path[]::new));
  }

  /**
   * The configured files as they are now. A manifest may name a file whose name begins with {@code
   * _} or holds glob characters; {@link FileInputFormat}'s own listing would drop or expand it.
   */
  @Override
  protected List<FileStatus> listStatus(JobContext job) throws IOException {
    Path[] paths = getInputPaths(job);
    List<FileStatus> files = new ArrayList<>(paths.length);
    for (Path p : paths) {
      FileStatus s = p.getFileSystem(job.getConfiguration()).getFileStatus(p);
      if (!s.isFile()) {
        throw new IOException("Data file " + p + " is not a file");
      }
      files.add(s);
    }
    return files;
  }

  /** Never: a split in mid-file would not know its first line's number. */
  @Override
  protected boolean isSplitable(JobContext context, Path file) {
    return false;
  }

  @Override
  public RecordReader<LongWritable, Text> createRecordReader(
      InputSplit split, TaskAttemptContext context) {
    return new NumberedLineReader();
  }
}
