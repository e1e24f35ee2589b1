package io.ddbio.importer;

import io.ddbio.mapreduce.FailedTaskAttempts;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapreduce.Cluster;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a failed task's reason ({@code file:line: reason}) back to the tool, so the user reads it
 * on the console rather than in task logs.
 *
 * <p>A task that fails leaves a one-line note in a directory of the user's staging area, and the
 * tool reads the notes when the job has ended. Task diagnostics alone would not do: the
 * LocalJobRunner reports none. On a cluster the failed attempts' diagnostics are added, which also
 * covers failures after the mapper has returned (the writer's last flush).
 */
public final class TaskFailures {
  private static final Logger LOG = LoggerFactory.getLogger(TaskFailures.class);

  /** Where tasks leave notes; unset (as under MRUnit) means no notes are kept. */
  static final String DIR_KEY = "ddbio.import.failure.notes.dir";

  /** Reasons shown; the first is the one that matters, the rest are usually its echoes. */
  static final int MAX_REASONS = 5;

  private TaskFailures() {}

  /** Gives the job a fresh notes directory in the user's staging area (created on first note). */
  static void enable(Configuration conf) throws IOException {
    Path staging;
    Cluster cluster = new Cluster(conf);
    try {
      staging = cluster.getStagingAreaDir();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("Interrupted while asking for the staging area", e);
    } finally {
      cluster.close();
    }
    conf.set(DIR_KEY, new Path(staging, "ddbio-import-" + UUID.randomUUID()).toString());
  }

  /**
   * Leaves a note of {@code failure}, unless the attempt has left one already: the first failure is
   * the cause, and what fails after it (the writer closed after a failed mapper) its echo. Never
   * throws, so the failure itself is what propagates.
   */
  public static void record(TaskAttemptContext context, Throwable failure) {
    String dir = context.getConfiguration().get(DIR_KEY);
    if (dir == null) {
      return;
    }
    Path note = new Path(dir, context.getTaskAttemptID().toString());
    try {
      FileSystem fs = note.getFileSystem(context.getConfiguration());
      if (fs.exists(note)) {
        return;
      }
      try (OutputStream out = fs.create(note, false)) {
        out.write(reason(failure).getBytes(StandardCharsets.UTF_8));
      }
    } catch (IOException | RuntimeException e) {
      LOG.warn("Could not leave a failure note in {}: {}", note, e.toString());
    }
  }

  /** A step of a task attempt, such as running its mapper or closing its writer. */
  @FunctionalInterface
  public interface Step {
    void run() throws IOException, InterruptedException;
  }

  /** A step of a task attempt that returns something, such as opening its writer. */
  @FunctionalInterface
  public interface Call<T> {
    T call() throws IOException, InterruptedException;
  }

  /** Runs {@code step}, leaving a note ({@link #record}) of its failure, which then propagates. */
  public static void noting(TaskAttemptContext context, Step step)
      throws IOException, InterruptedException {
    noting(
        context,
        () -> {
          step.run();
          return null;
        });
  }

  /** Calls {@code call}, leaving a note ({@link #record}) of its failure, which then propagates. */
  public static <T> T noting(TaskAttemptContext context, Call<T> call)
      throws IOException, InterruptedException {
    try {
      return call.call();
    } catch (IOException | RuntimeException e) {
      record(context, e);
      throw e;
    }
  }

  /**
   * The reasons the job's tasks failed, distinct, at most {@link #MAX_REASONS}: notes first (in
   * attempt order), then diagnostics of failed attempts.
   */
  static List<String> reasons(Job job) {
    Set<String> reasons = new LinkedHashSet<>();
    try {
      readNotes(job.getConfiguration(), reasons);
      readDiagnostics(job, reasons);
    } catch (IOException | RuntimeException e) {
      LOG.warn("Could not read why tasks failed: {}", e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return new ArrayList<>(reasons).subList(0, Math.min(MAX_REASONS, reasons.size()));
  }

  /** Removes the notes directory. */
  static void cleanUp(Configuration conf) {
    String dir = conf.get(DIR_KEY);
    if (dir == null) {
      return;
    }
    Path p = new Path(dir);
    try {
      p.getFileSystem(conf).delete(p, true);
    } catch (IOException e) {
      LOG.warn("Could not remove {}: {}", p, e.toString());
    }
  }

  private static void readNotes(Configuration conf, Set<String> reasons) throws IOException {
    String dir = conf.get(DIR_KEY);
    if (dir == null) {
      return;
    }
    Path p = new Path(dir);
    FileSystem fs = p.getFileSystem(conf);
    if (!fs.exists(p)) {
      return;
    }
    FileStatus[] notes = fs.listStatus(p);
    Arrays.sort(notes);
    for (FileStatus note : notes) {
      try (InputStream in = fs.open(note.getPath())) {
        reasons.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
  }

  private static void readDiagnostics(Job job, Set<String> reasons)
      throws IOException, InterruptedException {
    FailedTaskAttempts.read(
        job,
        attempt -> {
          // The attempts their task retried; the note of each attempt, the last one's included,
          // is read above.
          if (!attempt.taskFailed()) {
            for (String d : attempt.diagnostics()) {
              reasons.add(d.lines().findFirst().orElse(d));
            }
          }
          return reasons.size() < MAX_REASONS;
        });
  }

  private static String reason(Throwable failure) {
    String message = failure.getMessage();
    return message == null || message.isBlank() ? failure.toString() : message;
  }
}
