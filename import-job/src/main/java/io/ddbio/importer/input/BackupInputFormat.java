package io.ddbio.importer.input;

import io.ddbio.importer.layout.BackupLayout;
import io.ddbio.importer.progress.ImportProgress;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
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

  /** The backup directory whose layout is read again when the job is planned. */
  static final String BACKUP_DIR_KEY = "ddbio.import.backup.dir";

  /** Whether that backup's files were found by listing alone ({@code --allow-no-manifest}). */
  static final String BY_LISTING_KEY = "ddbio.import.backup.by.listing";

  /** How many data files the layout held when the job was created; planning must find as many. */
  static final String FILE_COUNT_KEY = "ddbio.import.backup.files";

  /**
   * Reads exactly the data files of {@code layout}. The layout is found again when the job is
   * planned, rather than its files carried in the job's configuration: a backup may list 100,000
   * files, and every task loads the whole configuration (7 MB of it for 100,000 paths, so the job
   * as a whole would read the list once per task; docs/PERFORMANCE.md, "A 50 TB table"). The native
   * import's input format does the same.
   */
  public static void setBackup(Job job, BackupLayout layout) {
    Configuration conf = job.getConfiguration();
    conf.set(BACKUP_DIR_KEY, layout.directory().toString());
    conf.setBoolean(BY_LISTING_KEY, layout.manifest().isEmpty() && layout.metadata().isEmpty());
    conf.setInt(FILE_COUNT_KEY, layout.dataFiles().size());
  }

  /**
   * Reads these files, and only these: no directory listing, no globbing, no hidden-name filter.
   * The paths travel in the job's configuration, which suits a few files; a backup is set with
   * {@link #setBackup}.
   */
  public static void setDataFiles(Job job, List<Path> files) throws IOException {
    if (files.isEmpty()) {
      // No file: a job of no map task. (setInputPaths needs at least one path.)
      job.getConfiguration().set(FileInputFormat.INPUT_DIR, "");
      return;
    }
    FileInputFormat.setInputPaths(job, files.toArray(Path[]::new));
  }

  /**
   * The backup's data files as its layout finds them now, or the configured files as they are now.
   * A manifest may name a file whose name begins with {@code _} or holds glob characters; {@link
   * FileInputFormat}'s own listing would drop or expand it.
   */
  @Override
  protected List<FileStatus> listStatus(JobContext job) throws IOException {
    Configuration conf = job.getConfiguration();
    String backup = conf.get(BACKUP_DIR_KEY);
    if (backup != null) {
      return backupFiles(new Path(backup), conf);
    }
    Path[] paths = getInputPaths(job);
    List<FileStatus> files = new ArrayList<>(paths.length);
    for (Path p : paths) {
      FileStatus s = p.getFileSystem(conf).getFileStatus(p);
      if (!s.isFile()) {
        throw new IOException("Data file " + p + " is not a file");
      }
      files.add(s);
    }
    return files;
  }

  private static List<FileStatus> backupFiles(Path dir, Configuration conf) throws IOException {
    BackupLayout layout = BackupLayout.locate(dir, conf, conf.getBoolean(BY_LISTING_KEY, false));
    int expected = conf.getInt(FILE_COUNT_KEY, -1);
    if (expected >= 0 && layout.dataFiles().size() != expected) {
      throw new IOException(
          "Backup "
              + dir
              + " changed while the import was being planned: it held "
              + expected
              + " data files when checked and holds "
              + layout.dataFiles().size()
              + " now");
    }
    return layout.dataFiles();
  }

  /** One split per data file, but for the files a resumed import has imported already. */
  @Override
  public List<InputSplit> getSplits(JobContext job) throws IOException {
    return ImportProgress.remaining(super.getSplits(job), job.getConfiguration());
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
