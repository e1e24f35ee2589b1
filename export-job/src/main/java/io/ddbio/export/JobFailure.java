package io.ddbio.export;

import io.ddbio.mapreduce.FailedTaskAttempts;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.mapreduce.Job;

/**
 * Why a finished job failed, as far as the cluster tells: its final state, its failure info, and
 * the first line of the first failed task attempt's diagnostics (usually the exception that ended
 * it), so the reason reaches the user without a trip to the task logs.
 */
final class JobFailure {
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
    List<String> first = new ArrayList<>(1);
    FailedTaskAttempts.read(
        job,
        attempt -> {
          List<String> diagnostics = attempt.diagnostics();
          if (diagnostics.isEmpty() || diagnostics.get(0).isBlank()) {
            return true;
          }
          first.add(
              attempt.id() + ": " + diagnostics.get(0).strip().lines().findFirst().orElse(""));
          return false;
        });
    return first.stream().findFirst();
  }
}
