package io.ddbio.export.layout;

import io.ddbio.backup.HiddenFiles;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;
import org.apache.hadoop.mapreduce.TaskAttemptID;

/**
 * Names of data files, in Data Pipeline's shape: {@code <uuid>_<task number>} plus the codec's
 * extension, e.g. {@code 5f1c0e3a-7d1b-3c1e-9a55-3b0c2f1d9e77_000003.gz}. The uuid is derived from
 * the job id, the task number keeps tasks apart, and an attempt after the first adds its number
 * ({@code _000003-1.gz}), so two attempts of a task (a retry, a speculative copy) never write the
 * same object and the manifest names the committed one. Sorted by name, the files of a job are in
 * task order.
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
    String retry = attempt.getId() == 0 ? "" : "-" + attempt.getId();
    return String.format(
        Locale.ROOT, "%s_%06d%s%s", uuid, attempt.getTaskID().getId(), retry, extension);
  }

  /** Whether an importer would take {@code name} for a data file: not hidden by Hadoop's rule. */
  public static boolean isVisible(String name) {
    return !HiddenFiles.isHidden(name);
  }
}
