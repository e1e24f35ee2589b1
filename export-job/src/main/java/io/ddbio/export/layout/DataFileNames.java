package io.ddbio.export.layout;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;
import org.apache.hadoop.mapreduce.TaskAttemptID;

/**
 * Names of data files, in Data Pipeline's shape: {@code <uuid>_<task number>} plus the codec's
 * extension, e.g. {@code 5f1c0e3a-7d1b-3c1e-9a55-3b0c2f1d9e77_000003.gz}. The uuid is derived from
 * the job id, so every attempt of a task writes the same name and a committed attempt's file can be
 * told from no other; the task number keeps tasks apart.
 */
public final class DataFileNames {
  private DataFileNames() {}

  /**
   * The data file of {@code attempt}'s task.
   *
   * @param extension the codec's default extension ({@code .gz}), or empty
   */
  public static String dataFile(TaskAttemptID attempt, String extension) {
    String job = "ddbio-export:" + attempt.getJobID();
    UUID uuid = UUID.nameUUIDFromBytes(job.getBytes(StandardCharsets.UTF_8));
    return String.format(Locale.ROOT, "%s_%06d%s", uuid, attempt.getTaskID().getId(), extension);
  }

  /** Whether an importer would take {@code name} for a data file: not hidden by Hadoop's rule. */
  public static boolean isVisible(String name) {
    return !name.startsWith("_") && !name.startsWith(".");
  }
}
