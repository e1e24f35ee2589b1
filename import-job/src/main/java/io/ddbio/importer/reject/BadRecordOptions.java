package io.ddbio.importer.reject;

import io.ddbio.config.DdbioKeys;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * How an import treats bad records, read once from {@code dynamodb.max.bad.records} and {@code
 * dynamodb.rejects.dir}: fail at the first (the default), or set up to {@code maxBadRecords} aside
 * in a rejects directory. See {@code docs/BAD-INPUT.md}.
 *
 * @param maxBadRecords how many records may be set aside in the whole job; 0 sets none aside
 * @param rejectsDir where they go, when given or chosen; empty when none may be set aside
 */
public record BadRecordOptions(int maxBadRecords, Optional<Path> rejectsDir) {
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  /** The option and key together, as messages name the limit. */
  public static final String LIMIT_NAME =
      "--max-bad-records (" + DdbioKeys.MAX_BAD_RECORDS.name() + ")";

  /**
   * Reads the options.
   *
   * @throws IllegalArgumentException naming the key: the limit is negative or not a whole number,
   *     or a rejects directory is given while no record may be set aside
   */
  public static BadRecordOptions from(Configuration conf) {
    int max = DdbioKeys.MAX_BAD_RECORDS.read(conf::get);
    if (max < 0) {
      throw new IllegalArgumentException(
          DdbioKeys.MAX_BAD_RECORDS.name() + " must be 0 or more, was " + max);
    }
    Optional<Path> dir = Optional.ofNullable(DdbioKeys.REJECTS_DIR.read(conf::get)).map(Path::new);
    if (dir.isPresent() && max == 0) {
      // A directory without a limit would never receive anything: the user surely meant a limit.
      throw new IllegalArgumentException(
          DdbioKeys.REJECTS_DIR.name()
              + " (--rejects-dir) is set, but "
              + LIMIT_NAME
              + " is 0, so no record would be set aside there; give a limit too");
    }
    return new BadRecordOptions(max, dir);
  }

  /** Whether bad records are set aside rather than failing the import at the first. */
  public boolean setsAside() {
    return maxBadRecords > 0;
  }

  /**
   * These options with a rejects directory, qualified: the one given, else {@code
   * <backupDir>-rejects-<UTC time>} beside the backup directory (a backup stays as it was exported,
   * and the time tells one import's rejects from the next).
   *
   * @param backupDir the backup directory, qualified
   * @param conf resolves a given directory's file system, so that messages name the exact place
   * @throws IllegalArgumentException when the default is needed and the backup directory is a root,
   *     which has nothing beside it
   */
  public BadRecordOptions withRejectsDirFor(Path backupDir, Instant now, Configuration conf)
      throws IOException {
    if (!setsAside()) {
      return this;
    }
    if (rejectsDir.isPresent()) {
      Path dir = rejectsDir.get();
      return new BadRecordOptions(
          maxBadRecords, Optional.of(dir.getFileSystem(conf).makeQualified(dir)));
    }
    if (backupDir.getParent() == null) {
      throw new IllegalArgumentException(
          "The backup is the root of "
              + backupDir
              + "; give --rejects-dir for the bad records set aside");
    }
    Path dir =
        new Path(backupDir.getParent(), backupDir.getName() + "-rejects-" + STAMP.format(now));
    return new BadRecordOptions(maxBadRecords, Optional.of(dir));
  }

  /**
   * These options for a resumed import: when the rejects directory exists, it holds the bad records
   * of the files earlier runs imported, and this run's go beside it, in {@code
   * <rejectsDir>-resumed-<UTC time>}, so that no earlier reject is overwritten.
   *
   * @param conf resolves the directory's file system
   */
  public BadRecordOptions forResume(Instant now, Configuration conf) throws IOException {
    if (rejectsDir.isEmpty()) {
      return this;
    }
    Path dir = rejectsDir.get();
    if (!dir.getFileSystem(conf).exists(dir)) {
      return this;
    }
    return new BadRecordOptions(
        maxBadRecords,
        Optional.of(new Path(dir.getParent(), dir.getName() + "-resumed-" + STAMP.format(now))));
  }

  /** Sets both keys, so that every task and the committer see the same directory. */
  public void applyTo(Configuration conf) {
    conf.setInt(DdbioKeys.MAX_BAD_RECORDS.name(), maxBadRecords);
    rejectsDir.ifPresentOrElse(
        d -> conf.set(DdbioKeys.REJECTS_DIR.name(), d.toString()),
        () -> conf.unset(DdbioKeys.REJECTS_DIR.name()));
  }

  /**
   * The directory bad records go to.
   *
   * @throws IllegalStateException when records may be set aside but no directory was chosen
   */
  public Path requireRejectsDir() {
    return rejectsDir.orElseThrow(
        () ->
            new IllegalStateException(
                LIMIT_NAME
                    + " is "
                    + maxBadRecords
                    + " but "
                    + DdbioKeys.REJECTS_DIR.name()
                    + " is not set"));
  }

  /**
   * What is wrong once a job has set {@code setAside} records aside: more than the whole job may.
   *
   * @return the message, naming the rejects directory; empty within the limit
   */
  public Optional<String> problem(long setAside) {
    if (setAside <= maxBadRecords) {
      return Optional.empty();
    }
    return Optional.of(
        setAside
            + " bad records in all, more than the "
            + maxBadRecords
            + " that "
            + LIMIT_NAME
            + " allows. They are set aside in "
            + requireRejectsDir()
            + "; every other item was written");
  }
}
