package io.ddbio.export;

import java.io.IOException;
import java.util.Optional;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.TaskCompletionEvent;

/**
 * Why a finished job failed, as far as the cluster tells: its final state, its failure info, and
 * the first line of the first failed task attempt's diagnostics (usually the exception that ended
 * it), so the reason reaches the user without a trip to the task logs.
 */
final class JobFailure {
  private static final int EVENTS = 1000;

  private JobFailure() {}

  static String describe(Job job) throws IOException, InterruptedException {
    StringBuilder sb = new StringBuilder("job ").append(job.getJobID());
    sb.append(" ended ").append(job.getJobState());
    String info = job.getStatus() == null ? null : job.getStatus().getFailureInfo();
    // LocalJobRunner reports "NA" when it has nothing to say.
    if (info != null && !info.isBlank() && !info.strip().equals("NA")) {
      sb.append(": ").append(info.strip());
    }
    firstFailedAttempt(job).ifPresent(d -> sb.append("; first failed task attempt ").append(d));
    return sb.toString();
  }

  private static Optional<String> firstFailedAttempt(Job job)
      throws IOException, InterruptedException {
    TaskCompletionEvent[] events = job.getTaskCompletionEvents(0, EVENTS);
    if (events == null) {
      return Optional.empty();
    }
    for (TaskCompletionEvent e : events) {
      if (e.getStatus() != TaskCompletionEvent.Status.FAILED
          && e.getStatus() != TaskCompletionEvent.Status.TIPFAILED) {
        continue;
      }
      String[] diagnostics = job.getTaskDiagnostics(e.getTaskAttemptId());
      if (diagnostics != null && diagnostics.length > 0 && !diagnostics[0].isBlank()) {
        return Optional.of(
            e.getTaskAttemptId() + ": " + diagnostics[0].strip().lines().findFirst().orElse(""));
      }
    }
    return Optional.empty();
  }
}
