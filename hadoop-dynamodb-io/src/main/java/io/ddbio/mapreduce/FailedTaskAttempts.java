package io.ddbio.mapreduce;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.TaskAttemptID;
import org.apache.hadoop.mapreduce.TaskCompletionEvent;

/**
 * The failed task attempts of a finished job, with their diagnostics (usually the exception that
 * ended each), as the cluster tells them: the one way the tools bring a task's reason back to the
 * console instead of the task logs.
 */
public final class FailedTaskAttempts {
  /** Completion events asked for at a time. */
  private static final int PAGE = 100;

  private FailedTaskAttempts() {}

  /**
   * One failed attempt.
   *
   * @param id the attempt
   * @param taskFailed whether it was its task's last attempt, failing the task ({@code TIPFAILED});
   *     false for an attempt the task retried ({@code FAILED})
   * @param diagnostics what the cluster kept of its failure, possibly nothing
   */
  public record Attempt(TaskAttemptID id, boolean taskFailed, List<String> diagnostics) {}

  /**
   * Hands the job's failed attempts, in completion order, to {@code readOn} until it returns false
   * or none is left.
   */
  public static void read(Job job, Predicate<Attempt> readOn)
      throws IOException, InterruptedException {
    int from = 0;
    TaskCompletionEvent[] events;
    while ((events = job.getTaskCompletionEvents(from, PAGE)) != null && events.length > 0) {
      for (TaskCompletionEvent e : events) {
        boolean taskFailed = e.getStatus() == TaskCompletionEvent.Status.TIPFAILED;
        if (!taskFailed && e.getStatus() != TaskCompletionEvent.Status.FAILED) {
          continue;
        }
        String[] diagnostics = job.getTaskDiagnostics(e.getTaskAttemptId());
        Attempt attempt =
            new Attempt(
                e.getTaskAttemptId(),
                taskFailed,
                diagnostics == null
                    ? List.of()
                    : Arrays.stream(diagnostics).filter(Objects::nonNull).toList());
        if (!readOn.test(attempt)) {
          return;
        }
      }
      from += events.length;
    }
  }
}
