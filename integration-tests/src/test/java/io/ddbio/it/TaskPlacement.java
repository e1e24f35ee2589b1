package io.ddbio.it;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.mapreduce.TaskAttemptContext;

/**
 * Counts where tasks ran, so a test can prove its tasks ran in YARN containers and not in the JVM
 * that submitted the job (as LocalJobRunner would run them).
 */
public enum TaskPlacement {
  /** A task attempt, wherever it ran; LocalJobRunner keeps no launched-task counts of its own. */
  TASKS,
  /** A task attempt that ran in a YARN container, in a JVM other than the submitting one. */
  IN_CONTAINER_JVM;

  /** Where {@link CopyJobs} records the submitting JVM's process id. */
  static final String CLIENT_PID = "ddbio.it.client.pid";

  /** Marks {@code conf} as submitted from this JVM. */
  static void markClient(Configuration conf) {
    conf.setLong(CLIENT_PID, ProcessHandle.current().pid());
  }

  /** Called by a task at setup: counts it, and where it runs. */
  static void record(TaskAttemptContext context) {
    context.getCounter(TASKS).increment(1);
    long client = context.getConfiguration().getLong(CLIENT_PID, -1);
    // The NodeManager gives every container its id in the environment.
    boolean inContainer = System.getenv("CONTAINER_ID") != null;
    if (inContainer && ProcessHandle.current().pid() != client) {
      context.getCounter(IN_CONTAINER_JVM).increment(1);
    }
  }
}
