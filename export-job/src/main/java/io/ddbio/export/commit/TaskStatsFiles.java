package io.ddbio.export.commit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ddbio.parallel.InParallel;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.hadoop.mapreduce.TaskAttemptID;

/**
 * How a data file's {@link WrittenFile} stats travel from its task to the job commit, as small JSON
 * files below {@code <out>/_ddbio-commit/}, hidden from importers by their {@code _}:
 *
 * <ul>
 *   <li>{@code pending/<attempt id>.json}, written when the attempt closes its data file;
 *   <li>{@code tasks/<task id>.json}, written when the attempt commits, from its pending file. It
 *       is the record that the task's output is the attempt's file: the job commit lists exactly
 *       these, so an attempt that failed, was killed or lost a speculative race is in no manifest.
 * </ul>
 *
 * <p>Committing writes a new small object rather than renaming one, so on an object store the
 * protocol issues no COPY at all. A task committed twice (an attempt that committed, then was lost
 * before it reported so) keeps the last record, which names the last attempt's file.
 */
public final class TaskStatsFiles {
  /** The directory below the output directory; removed by a successful job commit. */
  public static final String DIR = "_ddbio-commit";

  /**
   * Task records read at once. On an object store each read is a round trip of tens of
   * milliseconds, so a job commit that read 100,000 records one after another would wait most of an
   * hour (docs/PERFORMANCE.md, "A 50 TB table"); a few dozen in flight hide that latency, as
   * Hadoop's S3A committers do with their thread pool, without being throttled for them.
   */
  static final int READ_THREADS = 32;

  private static final ObjectMapper JSON = new ObjectMapper();

  private TaskStatsFiles() {}

  /** Where {@code attempt} leaves the stats of the data file it wrote. */
  public static Path pending(Path out, TaskAttemptID attempt) {
    return new Path(new Path(new Path(out, DIR), "pending"), attempt + ".json");
  }

  /** Where the committed record of {@code attempt}'s task is. */
  static Path committed(Path out, TaskAttemptID attempt) {
    return new Path(tasks(out), attempt.getTaskID() + ".json");
  }

  private static Path tasks(Path out) {
    return new Path(new Path(out, DIR), "tasks");
  }

  /** Writes the stats of the data file {@code attempt} wrote. */
  public static void writePending(FileSystem fs, Path out, TaskAttemptID attempt, WrittenFile file)
      throws IOException {
    write(fs, pending(out, attempt), file);
  }

  /**
   * Records {@code attempt}'s file as its task's output, then deletes the pending file.
   *
   * @return false when the attempt wrote no file (a task with nothing to export)
   */
  static boolean commit(FileSystem fs, Path out, TaskAttemptID attempt) throws IOException {
    Path pending = pending(out, attempt);
    WrittenFile file;
    try {
      file = read(fs, pending);
    } catch (FileNotFoundException e) {
      return false;
    }
    write(fs, committed(out, attempt), file);
    fs.delete(pending, false);
    return true;
  }

  /** Deletes what {@code attempt} left pending, if anything. */
  static void discard(FileSystem fs, Path out, TaskAttemptID attempt) throws IOException {
    fs.delete(pending(out, attempt), false);
  }

  /**
   * The stats of every committed task's data file; the pending area is not looked at.
   *
   * <p>The records are read {@link #READ_THREADS} at a time: one small read per task is the job
   * commit's largest cost on an object store.
   *
   * @return in no particular order
   * @throws IOException when a record cannot be read or lacks the stats and MD5
   */
  static List<WrittenFile> collect(FileSystem fs, Path out) throws IOException {
    Path tasks = tasks(out);
    if (!fs.exists(tasks)) {
      return new ArrayList<>();
    }
    List<Path> records = new ArrayList<>();
    RemoteIterator<FileStatus> it = fs.listStatusIterator(tasks);
    while (it.hasNext()) {
      FileStatus record = it.next();
      if (record.isFile()) {
        records.add(record.getPath());
      }
    }
    return InParallel.map(records, READ_THREADS, "reading the task records", r -> read(fs, r));
  }

  /** Removes the records once the manifests hold what they said. */
  static void remove(FileSystem fs, Path out) throws IOException {
    Path dir = new Path(out, DIR);
    if (!fs.delete(dir, true) && fs.exists(dir)) {
      throw new IOException("Could not remove " + dir);
    }
  }

  private static void write(FileSystem fs, Path path, WrittenFile file) throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(file);
    try (OutputStream out = fs.create(path, true)) {
      out.write(bytes);
    }
  }

  private static WrittenFile read(FileSystem fs, Path path) throws IOException {
    WrittenFile file;
    try (InputStream in = fs.open(path)) {
      file = JSON.readValue(in, WrittenFile.class);
    } catch (FileNotFoundException e) {
      throw e;
    } catch (IOException e) {
      throw new IOException("Task stats file " + path + " is not readable: " + e.getMessage(), e);
    }
    if (file.stats() == null || file.md5Hex() == null || file.stats().name() == null) {
      throw new IOException(
          "Task stats file " + path + " does not describe a data file with its stats and MD5");
    }
    return file;
  }
}
