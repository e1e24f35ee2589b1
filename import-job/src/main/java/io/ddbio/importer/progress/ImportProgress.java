package io.ddbio.importer.progress;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.ddbio.config.DdbioKeys;
import io.ddbio.mapreduce.JsonRecords;
import io.ddbio.parallel.InParallel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.lib.input.FileSplit;

/**
 * One import's progress directory ({@code dynamodb.import.progress.dir}): {@code _import.json}, the
 * {@link StartedImport}, and one {@code <hash>.json} per data file imported completely, the {@link
 * ImportedFile}, named by a hash of the file's path so that planning a resumed job tells which
 * files to skip from a listing alone, without reading a record.
 *
 * <p>Each record is a new small file, written once, so on an object store it is one PUT and no
 * copy; on S3 it appears whole or not at all. Where a file can be seen half-written (HDFS, local
 * files) a job killed while writing one leaves a record that does not parse; {@link #done} deletes
 * it, and the file is imported again, which a put or delete repeated in order allows.
 */
public final class ImportProgress {
  /** The record of what this directory belongs to; hidden, as Hadoop's own markers are. */
  static final String STARTED = "_import.json";

  private static final String RECORD_SUFFIX = ".json";

  /** Records read at once: one small read each, tens of milliseconds apiece on an object store. */
  private static final int READ_THREADS = 32;

  private final FileSystem fs;
  private final Path dir;

  private ImportProgress(FileSystem fs, Path dir) {
    this.fs = fs;
    this.dir = dir;
  }

  /**
   * The progress directory an import uses unless told otherwise: {@code
   * <backup>-import-<table>-progress}, beside the import's other outputs, which are beside the
   * backup (the rejects directory's default) unless {@code --rejects-dir} put them elsewhere. A
   * backup stays as it was exported, and the table's name tells one import of it from another.
   *
   * @param backupDir the backup directory, qualified
   * @param rejectsDir the rejects directory the user gave, if any
   * @throws IllegalArgumentException when the directory would be beside a root, which has nothing
   *     beside it
   */
  public static Path defaultDirectory(Path backupDir, String table, Optional<Path> rejectsDir) {
    Path parent = rejectsDir.map(Path::getParent).orElse(backupDir.getParent());
    if (parent == null) {
      throw new IllegalArgumentException(
          "The backup is the root of "
              + backupDir
              + "; give --progress-dir for the record of the import's progress");
    }
    return new Path(parent, backupDir.getName() + "-import-" + table + "-progress");
  }

  /** The progress directory {@code dir}, qualified; it need not exist. */
  public static ImportProgress at(Path dir, Configuration conf) throws IOException {
    FileSystem fs = dir.getFileSystem(conf);
    return new ImportProgress(fs, fs.makeQualified(dir));
  }

  /** The progress directory the job was configured with, if any ({@link #configure}). */
  static Optional<ImportProgress> configured(Configuration conf) throws IOException {
    String dir = DdbioKeys.IMPORT_PROGRESS_DIR.read(conf::get);
    return dir == null ? Optional.empty() : Optional.of(at(new Path(dir), conf));
  }

  /** Makes the job's planning skip the files recorded here, and its tasks record theirs here. */
  public void configure(Configuration conf) {
    conf.set(DdbioKeys.IMPORT_PROGRESS_DIR.name(), dir.toString());
  }

  /** The directory, qualified. */
  public Path directory() {
    return dir;
  }

  /**
   * What the directory belongs to; empty when no import has started here, or when its record was
   * cut short: it is written before the first job is submitted, so no file was imported after it.
   */
  public Optional<StartedImport> started() throws IOException {
    try {
      return JsonRecords.readIfThere(fs, new Path(dir, STARTED), StartedImport.class);
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
  }

  /** Creates the directory for {@code started}, before the first run's job. */
  public void start(StartedImport started) throws IOException {
    JsonRecords.write(fs, new Path(dir, STARTED), started);
  }

  /**
   * What the records say was imported, from every record that can be read; one that cannot
   * (half-written by a killed job) is deleted and reported to {@code dropped}, so that its file
   * counts as not imported.
   */
  public EarlierImports done(Consumer<String> dropped) throws IOException {
    List<Optional<ImportedFile>> read =
        InParallel.map(
            recordPaths(),
            READ_THREADS,
            "reading the import's progress",
            p -> {
              try {
                return Optional.of(JsonRecords.read(fs, p, ImportedFile.class));
              } catch (JsonProcessingException e) {
                // Only a record that does not parse: one the store failed to return (throttled,
                // refused) must fail the resume rather than be imported again unannounced.
                fs.delete(p, false);
                dropped.accept(p + ": " + e.getMessage());
                return Optional.empty();
              }
            });
    return new EarlierImports(read.stream().flatMap(Optional::stream).toList());
  }

  /** Whether any data file is recorded as imported. */
  public boolean hasRecords() throws IOException {
    return !recordPaths().isEmpty();
  }

  /** Records {@code file} as imported; a record written again (a task retried) is replaced. */
  void record(ImportedFile file) throws IOException {
    JsonRecords.write(fs, new Path(dir, recordName(file.file())), file);
  }

  /** Removes the directory: the import's job succeeded, so no resume needs it. */
  public void remove() throws IOException {
    if (!fs.delete(dir, true) && fs.exists(dir)) {
      throw new IOException("Could not remove " + dir);
    }
  }

  /**
   * The splits whose file is not recorded as imported, when the job has a progress directory; all
   * of them otherwise. Called where the job is planned, by both of the import's input formats.
   */
  public static List<InputSplit> remaining(List<InputSplit> splits, Configuration conf)
      throws IOException {
    Optional<ImportProgress> progress = configured(conf);
    if (progress.isEmpty()) {
      return splits;
    }
    Set<String> done = new HashSet<>();
    for (Path p : progress.get().recordPaths()) {
      done.add(p.getName());
    }
    if (done.isEmpty()) {
      return splits;
    }
    List<InputSplit> left = new ArrayList<>(splits.size());
    for (InputSplit s : splits) {
      if (!(s instanceof FileSplit f)) {
        throw new IOException("An import's split names no file: " + s);
      }
      if (!done.contains(recordName(f.getPath().toString()))) {
        left.add(s);
      }
    }
    return left;
  }

  /** The record's name for a data file: a hash of its path, which may be long and hold anything. */
  static String recordName(String file) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(file.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 16) + RECORD_SUFFIX;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java platform has SHA-256", e);
    }
  }

  private List<Path> recordPaths() throws IOException {
    return JsonRecords.list(fs, dir, name -> name.endsWith(RECORD_SUFFIX) && !name.equals(STARTED));
  }
}
