package io.ddbio.export.commit;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.ddbio.mapreduce.JsonRecords;
import io.ddbio.parallel.InParallel;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapreduce.TaskAttemptID;

/**
 * How a task's output travels from the task to the job commit, and to a resumed export, as small
 * JSON files below {@code <out>/_ddbio-commit/}, hidden from importers by their {@code _}:
 *
 * <ul>
 *   <li>{@code pending/<attempt id>.json}, the {@link WrittenFile} stats, written when the attempt
 *       closes its data file (none when it exported no item);
 *   <li>{@code pending/<attempt id>.segments.json}, the {@link ReadSegments}, written by the
 *       export's mapper once its scan has finished;
 *   <li>{@code tasks/<task id>.json}, the {@link TaskOutput}, written when the attempt commits,
 *       from its pending files. It is the record that the task's output is the attempt's file and
 *       that its segments are read: the job commit lists exactly these, so an attempt that failed,
 *       was killed or lost a speculative race is in no manifest, and a resumed export reads again
 *       exactly the segments no such record names.
 * </ul>
 *
 * <p>Committing writes a new small object rather than renaming one, so on an object store the
 * protocol issues no COPY at all. A task committed twice (an attempt that committed, then was lost
 * before it reported so) keeps the last record, which names the last attempt's file. The records
 * outlive a failed job ({@link #removePending}), so that it can be resumed.
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

  private TaskStatsFiles() {}

  /** Where {@code attempt} leaves the stats of the data file it wrote. */
  public static Path pending(Path out, TaskAttemptID attempt) {
    return new Path(new Path(new Path(out, DIR), "pending"), attempt + ".json");
  }

  /** Where {@code attempt} leaves the segments it read. */
  static Path pendingSegments(Path out, TaskAttemptID attempt) {
    return new Path(new Path(new Path(out, DIR), "pending"), attempt + ".segments.json");
  }

  /** Whether {@code attempt} left anything to commit. */
  static boolean hasPending(FileSystem fs, Path out, TaskAttemptID attempt) throws IOException {
    return fs.exists(pendingSegments(out, attempt)) || fs.exists(pending(out, attempt));
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

  /** Writes the segments {@code attempt} has read. */
  public static void writeSegments(
      FileSystem fs, Path out, TaskAttemptID attempt, ReadSegments segments) throws IOException {
    write(fs, pendingSegments(out, attempt), segments);
  }

  /**
   * Records {@code attempt}'s segments and file as its task's output, then deletes the pending
   * files.
   *
   * @return false when the attempt left nothing (neither read segments nor a file)
   */
  static boolean commit(FileSystem fs, Path out, TaskAttemptID attempt) throws IOException {
    ReadSegments segments = readIfThere(fs, pendingSegments(out, attempt), ReadSegments.class);
    WrittenFile file = readIfThere(fs, pending(out, attempt), WrittenFile.class);
    if (segments == null && file == null) {
      return false;
    }
    TaskOutput output = new TaskOutput(segments, file);
    check(output, pending(out, attempt));
    write(fs, committed(out, attempt), output);
    discard(fs, out, attempt);
    return true;
  }

  /** Deletes what {@code attempt} left pending, if anything. */
  static void discard(FileSystem fs, Path out, TaskAttemptID attempt) throws IOException {
    fs.delete(pending(out, attempt), false);
    fs.delete(pendingSegments(out, attempt), false);
  }

  /**
   * Every committed task's record; the pending area is not looked at.
   *
   * <p>The records are read {@link #READ_THREADS} at a time: one small read per task is the job
   * commit's largest cost on an object store.
   *
   * @return in no particular order
   * @throws IOException when a record cannot be read or lacks the stats and MD5 of its file
   */
  static List<TaskOutput> collect(FileSystem fs, Path out) throws IOException {
    return InParallel.map(
        records(fs, out), READ_THREADS, "reading the task records", r -> readOutput(fs, r));
  }

  /**
   * Every committed task's record that can be read, for a resumed export; a record that cannot be
   * read is deleted and reported to {@code dropped}, so its task counts as not committed and its
   * segments are read again. Only a job killed while a task wrote its record on a store where a
   * file can be seen half-written (HDFS, local files) leaves one; its data file is then unlisted
   * and goes at the job commit.
   */
  public static List<TaskOutput> collectReadable(FileSystem fs, Path out, Consumer<String> dropped)
      throws IOException {
    List<Optional<TaskOutput>> read =
        InParallel.map(
            records(fs, out),
            READ_THREADS,
            "reading the task records",
            r -> {
              try {
                return Optional.of(readOutput(fs, r));
              } catch (MalformedRecordException e) {
                // Only a record that does not parse: one the store failed to return (throttled,
                // refused) must fail the resume rather than have its segments read again.
                fs.delete(r, false);
                dropped.accept(e.getMessage());
                return Optional.empty();
              }
            });
    return read.stream().flatMap(Optional::stream).toList();
  }

  private static List<Path> records(FileSystem fs, Path out) throws IOException {
    return JsonRecords.list(fs, tasks(out), name -> true);
  }

  /**
   * Removes what attempts left pending and keeps the committed records, when a job ends without
   * committing: with them a resumed export skips what was done.
   */
  static void removePending(FileSystem fs, Path out) throws IOException {
    fs.delete(new Path(new Path(out, DIR), "pending"), true);
  }

  /** Removes the records once the manifests hold what they said. */
  static void remove(FileSystem fs, Path out) throws IOException {
    Path dir = new Path(out, DIR);
    if (!fs.delete(dir, true) && fs.exists(dir)) {
      throw new IOException("Could not remove " + dir);
    }
  }

  private static void write(FileSystem fs, Path path, Object record) throws IOException {
    JsonRecords.write(fs, path, record);
  }

  private static TaskOutput readOutput(FileSystem fs, Path path) throws IOException {
    TaskOutput output = read(fs, path, TaskOutput.class);
    check(output, path);
    return output;
  }

  private static <T> T readIfThere(FileSystem fs, Path path, Class<T> type) throws IOException {
    try {
      return read(fs, path, type);
    } catch (FileNotFoundException e) {
      return null;
    }
  }

  private static <T> T read(FileSystem fs, Path path, Class<T> type) throws IOException {
    try {
      return JsonRecords.read(fs, path, type);
    } catch (JsonProcessingException e) {
      throw new MalformedRecordException(
          "Task stats file " + path + " is not readable: " + e.getMessage(), e);
    } catch (FileNotFoundException e) {
      throw e;
    } catch (IOException e) {
      throw new IOException("Task stats file " + path + " is not readable: " + e.getMessage(), e);
    }
  }

  /** A record that was read but does not parse or lacks what a record holds. */
  private static final class MalformedRecordException extends IOException {
    MalformedRecordException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private static void check(TaskOutput output, Path path) throws IOException {
    WrittenFile file = output.file();
    if (output.segments() == null && file == null) {
      throw new MalformedRecordException(
          "Task stats file " + path + " names neither segments nor a file", null);
    }
    if (file != null
        && (file.stats() == null || file.md5Hex() == null || file.stats().name() == null)) {
      throw new MalformedRecordException(
          "Task stats file " + path + " does not describe a data file with its stats and MD5",
          null);
    }
  }
}
