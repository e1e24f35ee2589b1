package io.ddbio.export.commit;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapreduce.lib.output.FileOutputCommitter;

/**
 * How a data file's {@link WrittenFile} stats travel from its task to the job commit: as a small
 * file at the top of the task attempt's work directory (beside the data file, or above it when the
 * data file is in a subdirectory), named after the data file's last path part, which the task
 * number makes unique. There it shares the data file's fate: committing the attempt moves both into
 * the committed task directory, and aborting it (a failure, or the losing copy of a speculative
 * pair) deletes both. At job commit {@link #collect} reads and deletes them from the committed task
 * directories <em>before</em> those are merged into the output directory, so they never reach it.
 * Their names start with {@code _}, hidden from importers even in the worst case.
 */
public final class TaskStatsFiles {
  private static final String PREFIX = "_ddbio-stats_";
  private static final String SUFFIX = ".json";
  private static final ObjectMapper JSON = new ObjectMapper();

  private TaskStatsFiles() {}

  /** Writes the stats of data file {@code file.name()} into {@code workDir}. */
  public static void write(FileSystem fs, Path workDir, WrittenFile file) throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(file);
    try (OutputStream out =
        fs.create(new Path(workDir, PREFIX + file.leafName() + SUFFIX), false)) {
      out.write(bytes);
    }
  }

  /**
   * Reads and deletes the stats files of every committed task under {@code jobAttemptPath}
   * (FileOutputCommitter's {@code _temporary/<app attempt>}); the pending area of uncommitted
   * attempts is not looked at.
   *
   * @return the stats of every committed data file, in no particular order
   * @throws IOException when a stats file cannot be read or deleted, or names another file
   */
  static List<WrittenFile> collect(FileSystem fs, Path jobAttemptPath) throws IOException {
    List<WrittenFile> all = new ArrayList<>();
    if (!fs.exists(jobAttemptPath)) {
      return all;
    }
    for (FileStatus task : fs.listStatus(jobAttemptPath)) {
      if (!task.isDirectory()
          || task.getPath().getName().equals(FileOutputCommitter.PENDING_DIR_NAME)) {
        continue;
      }
      for (FileStatus file : fs.listStatus(task.getPath())) {
        String name = file.getPath().getName();
        if (file.isFile() && name.startsWith(PREFIX) && name.endsWith(SUFFIX)) {
          all.add(read(fs, file.getPath(), name));
          if (!fs.delete(file.getPath(), false)) {
            throw new IOException("Could not delete the task stats file " + file.getPath());
          }
        }
      }
    }
    return all;
  }

  private static WrittenFile read(FileSystem fs, Path path, String name) throws IOException {
    WrittenFile file;
    try (InputStream in = fs.open(path)) {
      file = JSON.readValue(in, WrittenFile.class);
    } catch (IOException e) {
      throw new IOException("Task stats file " + path + " is not readable: " + e.getMessage(), e);
    }
    String dataFile = name.substring(PREFIX.length(), name.length() - SUFFIX.length());
    if (file.stats() == null || file.md5Hex() == null || !dataFile.equals(file.leafName())) {
      throw new IOException(
          "Task stats file "
              + path
              + " does not describe "
              + dataFile
              + " with its stats and MD5: "
              + file);
    }
    return file;
  }
}
