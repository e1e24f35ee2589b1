package io.ddbio.importer;

import io.ddbio.config.DdbioKeys;
import io.ddbio.importer.job.ImportSource;
import io.ddbio.importer.progress.EarlierImports;
import io.ddbio.importer.progress.ImportProgress;
import io.ddbio.importer.progress.StartedImport;
import io.ddbio.importer.reject.BadRecordOptions;
import io.ddbio.tool.ToolConsole;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How one run of the import tool keeps its record of progress ({@link ImportProgress}): whether it
 * resumes an unfinished run, which files it then skips, and whether the record stays after the job.
 *
 * <p>Every import records its progress, since no one knows beforehand which import will fail. A
 * rerun without {@code --resume} imports every file again, as it always did, and starts a new
 * record. An import that cannot read or write its record where the default puts it (a backup bucket
 * it may only read, a backup at the root of a bucket) still runs, with a warning that it cannot be
 * resumed; one given {@code --progress-dir} fails instead, since the user asked for that place.
 */
final class ImportResume {
  private static final Logger LOG = LoggerFactory.getLogger(ImportResume.class);

  private final ToolConsole console;
  private final ImportProgress progress;
  private final boolean placeGiven;
  private final Optional<StartedImport> resumed;
  private final boolean staleRecord;
  private final boolean createsTable;
  private EarlierImports done = EarlierImports.NONE;
  private boolean recording;
  private boolean jobSucceeded;

  private ImportResume(
      ToolConsole console,
      ImportProgress progress,
      boolean placeGiven,
      Optional<StartedImport> resumed,
      boolean staleRecord,
      boolean createsTable) {
    this.console = console;
    this.progress = progress;
    this.placeGiven = placeGiven;
    this.resumed = resumed;
    this.staleRecord = staleRecord;
    this.createsTable = createsTable;
  }

  /**
   * Finds the record of an earlier run of this import, before anything is written.
   *
   * @param bad the bad-record options as given, before a default rejects directory is chosen
   * @throws IOException when the progress directory given belongs to another import or cannot be
   *     read
   */
  static ImportResume find(
      ImportArguments arguments,
      ImportSource source,
      BadRecordOptions bad,
      Configuration conf,
      ToolConsole console)
      throws IOException {
    String given = DdbioKeys.IMPORT_PROGRESS_DIR.read(conf::get);
    boolean createsTable = arguments.createTable().isPresent();
    Path dir;
    if (given != null) {
      dir = new Path(given);
    } else {
      try {
        dir =
            ImportProgress.defaultDirectory(
                source.directory(), arguments.table(), bad.rejectsDir());
      } catch (IllegalArgumentException e) {
        return withoutRecord(console, e.getMessage());
      }
    }
    ImportProgress progress = ImportProgress.at(dir, conf);
    Optional<StartedImport> earlier;
    try {
      earlier = progress.started();
    } catch (IOException e) {
      String why = cannot("read", progress, e);
      if (given != null) {
        throw new IOException(why, e);
      }
      LOG.debug("Progress not read", e);
      return withoutRecord(console, why);
    }
    if (earlier.isPresent()) {
      StartedImport e = earlier.get();
      // As paths, not strings: a directory's URL may end with a slash or not.
      if (!new Path(e.backup()).equals(source.directory())
          || !e.table().equals(arguments.table())) {
        throw new IOException(
            "the progress directory "
                + progress.directory()
                + " records the import of "
                + e.backup()
                + " into table \""
                + e.table()
                + "\"; give this import a --progress-dir of its own");
      }
      if (!arguments.resume()) {
        console.note(
            "An earlier run of this import, started "
                + e.startTime()
                + ", did not finish; importing every file again (--resume would skip those it"
                + " recorded in "
                + progress.directory()
                + ").");
        return new ImportResume(
            console, progress, given != null, Optional.empty(), true, createsTable);
      }
      return new ImportResume(console, progress, given != null, earlier, false, createsTable);
    }
    if (arguments.resume()) {
      console.note("Nothing to resume in " + progress.directory() + ": importing every file.");
    }
    return new ImportResume(console, progress, given != null, earlier, false, createsTable);
  }

  /** A run that keeps no record, saying why it cannot be resumed. */
  private static ImportResume withoutRecord(ToolConsole console, String why) {
    warnUnresumable(console, why);
    return new ImportResume(console, null, false, Optional.empty(), false, false);
  }

  /** {@code cannot read the import's progress in <dir> (<reason>)}. */
  private static String cannot(String verb, ImportProgress progress, IOException e) {
    return "cannot "
        + verb
        + " the import's progress in "
        + progress.directory()
        + " ("
        + ToolConsole.describe(e)
        + ")";
  }

  private static void warnUnresumable(ToolConsole console, String why) {
    console.note(
        "Warning: "
            + why
            + ", so this import cannot be resumed; give --progress-dir to keep its progress"
            + " elsewhere.");
  }

  /** Whether this run resumes an unfinished one: a table it was to create exists already. */
  boolean resuming() {
    return resumed.isPresent();
  }

  /**
   * Before the job: reads what earlier runs imported, or starts a new record, and configures the
   * job to skip the one and keep the other.
   *
   * @return how many data files the job leaves out, as imported already
   * @throws IOException when the record cannot be read, or cannot be written where the user asked
   */
  int begin(ImportSource source, String table, Configuration conf) throws IOException {
    if (progress == null) {
      return 0;
    }
    if (resumed.isPresent()) {
      done =
          progress.done(
              dropped ->
                  console.note(
                      "Importing again a file whose record the stop cut short: " + dropped));
      console.note(
          "Resuming the import started "
              + resumed.get().startTime()
              + ": "
              + done.describe(source.fileCount())
              + " by earlier runs; those files are skipped.");
      recording = true;
    } else {
      recording = start(source, table);
    }
    if (recording) {
      progress.configure(conf);
    }
    return done.files();
  }

  /** What earlier runs did, for the checks of the whole import's counts. */
  EarlierImports done() {
    return done;
  }

  /** The summary's line of earlier work; null for a run that resumes nothing. */
  String earlierRuns(int files) {
    return resumed.isPresent() ? done.describe(files) : null;
  }

  /**
   * Tells that the job succeeded: every file was imported, so no resume needs the record, whatever
   * the final checks say.
   */
  void jobSucceeded() {
    jobSucceeded = true;
  }

  /**
   * After the job, or after a failure to run it: removes the record of an import whose job
   * succeeded, or that recorded nothing and created no table, and keeps the rest for {@code
   * --resume}, saying so. (An import that creates its table keeps it even so: its resume must not
   * create the table again.) Never fails in place of the import's own outcome: the record is only
   * an aid to a resume.
   *
   * @param files the backup's data files, for the message
   */
  void end(int files) {
    if (!recording) {
      return;
    }
    try {
      if (jobSucceeded) {
        progress.remove();
        return;
      }
      // One listing and one read of the records, for the decision and the message alike.
      EarlierImports kept = progress.done(d -> {});
      if (kept.files() == 0 && !createsTable) {
        progress.remove();
        return;
      }
      console.note(
          "Kept the import's progress in "
              + progress.directory()
              + ": "
              + kept.describe(files)
              + ". Rerun the same command with --resume to import the other files.");
    } catch (IOException | RuntimeException e) {
      LOG.debug("Progress not tidied", e);
      console.note(
          "Could not tidy the import's progress in "
              + progress.directory()
              + ": "
              + ToolConsole.describe(e));
    }
  }

  /** Starts a new record; false when it cannot be written where the default put it. */
  private boolean start(ImportSource source, String table) throws IOException {
    try {
      if (staleRecord) {
        progress.remove();
      }
      progress.start(
          new StartedImport(source.directory().toString(), table, Instant.now().toString()));
      return true;
    } catch (IOException e) {
      String why = cannot("write", progress, e);
      if (placeGiven) {
        throw new IOException(why, e);
      }
      LOG.debug("Progress not recorded", e);
      warnUnresumable(console, why);
      return false;
    }
  }
}
