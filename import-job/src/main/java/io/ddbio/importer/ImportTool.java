package io.ddbio.importer;

import io.ddbio.backup.ExportMetadata;
import io.ddbio.backup.TableSchema;
import io.ddbio.capacity.TaskRates;
import io.ddbio.config.DdbioKeys;
import io.ddbio.config.DdbioOptions;
import io.ddbio.dynamodb.TableInfo;
import io.ddbio.importer.check.ItemCheck;
import io.ddbio.importer.check.ItemCountCheck;
import io.ddbio.importer.check.KeySchemaCheck;
import io.ddbio.importer.check.NativeCountCheck;
import io.ddbio.importer.check.PartialExportCheck;
import io.ddbio.importer.job.ImportPlan;
import io.ddbio.importer.job.ImportSource;
import io.ddbio.importer.reject.BadRecordOptions;
import io.ddbio.importer.table.DestinationTable;
import io.ddbio.importer.table.TableCreator;
import io.ddbio.item.Expiry;
import io.ddbio.mapreduce.ClusterSlots;
import io.ddbio.mapreduce.ExpiryConf;
import io.ddbio.mapreduce.HadoopOptions;
import io.ddbio.mapreduce.JobCounts;
import io.ddbio.mapreduce.JobTool;
import io.ddbio.mapreduce.JobWatch;
import io.ddbio.mapreduce.OnDemandBudget;
import io.ddbio.metrics.DdbioCounter;
import io.ddbio.tool.JobSummary;
import io.ddbio.tool.ProgressLine;
import io.ddbio.tool.ToolConsole;
import io.ddbio.tool.UsageException;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.ToLongFunction;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapreduce.Counters;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.util.ToolRunner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads a backup directory into a DynamoDB table, as Data Pipeline's import did: items whose key is
 * already in the table are replaced, other items are kept. See {@link ImportArguments#usage()} for
 * the command line.
 *
 * <p>Before anything is written it finds the backup ({@link ImportSource}: a Data Pipeline export
 * or a native DynamoDB export), creates the table if asked ({@link TableCreator}), describes it and
 * checks the backup's key against it ({@link KeySchemaCheck}). After the job it prints a summary
 * and checks the counts ({@link ItemCountCheck}, {@link NativeCountCheck}) and the bad records set
 * aside ({@link BadRecordOptions}). Exit status: 0 when every item was written (but for bad records
 * set aside within the limit), 1 on failure (the reason on standard error), 2 on a usage error.
 *
 * <p>Every run records the data files it has imported ({@link ImportResume}), so that a rerun with
 * {@code --resume} after a failure skips them.
 */
public class ImportTool extends JobTool<ImportArguments> {
  private static final Logger LOG = LoggerFactory.getLogger(ImportTool.class);

  /** A tool printing to the standard streams. */
  public ImportTool() {
    this(System.out, System.err);
  }

  /**
   * A tool printing its summary to {@code out}, its progress and errors to {@code err}.
   *
   * @param out where the summary goes
   * @param err where progress and errors go
   */
  public ImportTool(PrintStream out, PrintStream err) {
    this(out, err, JobCounts.Source.HADOOP);
  }

  /**
   * @param counterSource how the finished job's counters are read
   */
  ImportTool(PrintStream out, PrintStream err, JobCounts.Source counterSource) {
    super(out, err, ImportArguments.usage(), ImportArguments::parse, counterSource);
  }

  /** Runs the import with Hadoop's generic options and exits with its status. */
  public static void main(String[] args) throws Exception {
    System.exit(ToolRunner.run(new ImportTool(), args));
  }

  /** The counters of the job this tool last ran, once it has ended. */
  public Optional<Counters> counters() {
    return Optional.ofNullable(lastCounters());
  }

  @Override
  protected int run(ImportArguments arguments, Configuration conf) {
    DdbioOptions options;
    BadRecordOptions bad;
    try {
      options = setting(() -> HadoopOptions.from(conf));
      setting(options::write);
      bad = setting(() -> BadRecordOptions.from(conf));
    } catch (UsageException e) {
      return console.usageError(e.getMessage());
    }
    try {
      return importBackup(arguments, conf, options, bad);
    } catch (IOException | RuntimeException e) {
      LOG.debug("Import failed", e);
      return console.failure("Import failed: " + ToolConsole.describe(e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return console.failure("Import interrupted; items written so far stay in the table");
    }
  }

  private int importBackup(
      ImportArguments arguments,
      Configuration conf,
      DdbioOptions options,
      BadRecordOptions badRecords)
      throws IOException, InterruptedException {
    ImportSource source =
        ImportSource.locate(
            new Path(arguments.inputDir()), arguments.format(), conf, arguments.allowNoManifest());
    PrintStream err = console.err();
    source.uncheckedFiles().ifPresent(err::println);
    PartialExportCheck.check(source.metadata(), arguments.allowPartialItems())
        .ifPresent(err::println);
    String title = "Import of " + source.directory() + " into table \"" + arguments.table() + "\"";
    if (arguments.plan().requested()) {
      return plan(arguments, conf, options, source, title);
    }
    ImportResume resume = ImportResume.find(arguments, source, badRecords, conf, console);
    if (arguments.createTable().isPresent()) {
      if (arguments.skipExpired()
          && source
              .metadata()
              .map(ExportMetadata::table)
              .flatMap(TableSchema::timeToLiveAttribute)
              .isEmpty()) {
        // The table to create would have no time to live to judge by: refused before creating it.
        throw new UsageException(
            "--skip-expired needs a time-to-live attribute, but the backup records none for"
                + " --create-table to set on table \""
                + arguments.table()
                + "\". Nothing was created");
      }
      if (resume.resuming()) {
        console.note("Not creating table \"" + arguments.table() + "\": the first run did.");
      } else {
        err.println(TableCreator.create(source, arguments.createTable().get(), options));
      }
    }
    TableInfo table = DestinationTable.describe(options);
    source.checkKeys(table, conf);
    DdbioOptions budgeted = onDemandBudget(conf, options, table);
    double targetUnits = targetUnits(table, budgeted);
    if (arguments.skipExpired()) {
      Expiry expiry = Expiry.at(expiryAttribute(source, table, options), Instant.now());
      ExpiryConf.set(conf, expiry);
      console.note(
          "Leaving out the items whose time to live (attribute \""
              + expiry.attribute()
              + "\") expired before "
              + Instant.ofEpochSecond(expiry.asOf()));
    }
    ItemCheck.configure(conf, table.keys());
    BadRecordOptions bad = badRecords.withRejectsDirFor(source.directory(), Instant.now(), conf);
    if (resume.resuming()) {
      BadRecordOptions given = bad;
      bad = bad.forResume(Instant.now(), conf);
      if (!bad.equals(given)) {
        console.note(
            "The bad records of the files already imported stay in "
                + given.requireRejectsDir()
                + "; this run sets its own aside in "
                + bad.requireRejectsDir()
                + ".");
      }
    }
    bad.applyTo(conf);

    try {
      int skipped = resume.begin(source, arguments.table(), conf);
      TaskFailures.enable(conf);
      Job job = source.createJob(conf, skipped);
      try {
        ProgressLine line =
            new ProgressLine(
                title,
                "write",
                Math.max(0, source.itemCount() - resume.done().total(DdbioCounter.ITEMS_READ)),
                targetUnits);
        return runJob(job, source, bad, resume, line);
      } finally {
        TaskFailures.cleanUp(job.getConfiguration());
      }
    } finally {
      resume.end(source.fileCount());
    }
  }

  /**
   * Prints what the import would do ({@link ImportPlan}) after the checks the run makes first (the
   * backup's key against the table's, a budget for an on-demand table), and returns without
   * creating or writing anything. The plan is of every data file, even with {@code --resume}.
   */
  private int plan(
      ImportArguments arguments,
      Configuration conf,
      DdbioOptions options,
      ImportSource source,
      String title)
      throws IOException {
    TableInfo table;
    if (arguments.createTable().isPresent()) {
      table = TableCreator.planned(source, arguments.createTable().get(), options);
      console.note(
          "The run creates table \""
              + arguments.table()
              + "\" first, as the export recorded it (and fails if it exists): the plan is of"
              + " that table.");
    } else {
      table = DestinationTable.describe(options);
      source.checkKeys(table, conf);
    }
    DdbioOptions budgeted = onDemandBudget(conf, options, table);
    targetUnits(table, budgeted);
    console.print(
        ImportPlan.of(
                title,
                source,
                table,
                budgeted.write().throughput(),
                ClusterSlots.mapSlots(conf),
                arguments.plan(),
                OnDemandBudget.reason(conf, false))
            .render());
    return ToolConsole.OK;
  }

  /**
   * The attribute {@code --skip-expired} judges items by: the destination table's time-to-live
   * attribute, which DynamoDB will expire them by, else the one the backup records.
   *
   * @throws UsageException for an incremental export (leaving out a change would leave the item's
   *     older version in the table), or when neither has a time to live on
   */
  private String expiryAttribute(ImportSource source, TableInfo table, DdbioOptions options)
      throws IOException {
    if (source.incremental()) {
      throw new UsageException(
          "--skip-expired applies to full exports: an incremental export holds changes, and"
              + " leaving one out would leave the item's older version in the table");
    }
    Optional<String> ofTable =
        DestinationTable.settings(options, table, console::note).timeToLiveAttribute();
    Optional<String> recorded =
        source.metadata().map(ExportMetadata::table).flatMap(TableSchema::timeToLiveAttribute);
    return ofTable
        .or(() -> recorded)
        .orElseThrow(
            () ->
                new UsageException(
                    "--skip-expired needs a time-to-live attribute, but table \""
                        + table.name()
                        + "\" has no time to live on and the backup records none"));
  }

  /**
   * Runs the job and reports it.
   *
   * @return the exit status: 0 when the job succeeded and its counts check
   */
  private int runJob(
      Job job, ImportSource source, BadRecordOptions bad, ImportResume resume, ProgressLine line)
      throws IOException, InterruptedException {
    PrintStream err = console.err();
    Configuration conf = job.getConfiguration();
    long start = System.nanoTime();
    JobWatch.submit(job, "Import", err);
    boolean succeeded =
        JobWatch.await(
            job, line, DdbioCounter.ITEMS_READ, DdbioCounter.WRITE_CAPACITY_MILLIUNITS, err);
    if (succeeded) {
      resume.jobSucceeded();
    }
    // Unknown counts are a failure: read as zeros, "0 read, 0 written" would pass the check.
    Optional<String> countsUnknown = readCounters(job, succeeded);
    Counters counters = lastCounters();
    ToLongFunction<DdbioCounter> counts = JobCounts.totals(counters);
    // The backup's counts are of every file, so the checks take the earlier runs' work too.
    ToLongFunction<DdbioCounter> wholeImport = resume.done().plus(counts);
    Optional<String> countProblem =
        counters == null ? countsUnknown : source.countProblem(wholeImport);
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    long setAside = wholeImport.applyAsLong(DdbioCounter.BAD_RECORDS);
    Optional<String> tooManyBad = bad.problem(setAside);
    boolean complete = succeeded && countProblem.isEmpty() && tooManyBad.isEmpty();
    if (counters != null) {
      String earlierRuns = resume.earlierRuns(source.fileCount());
      console.print(new JobSummary(line.job(), complete, took, counts, earlierRuns).render());
    }
    if (!succeeded) {
      reportFailure(job);
      reportRejectsKept(bad, conf);
      return 1;
    }
    long setAsideNow = counts.applyAsLong(DdbioCounter.BAD_RECORDS);
    if (tooManyBad.isPresent()) {
      err.println(
          "Import failed: "
              + tooManyBad.get()
              + (setAside > setAsideNow
                  ? " (earlier runs' in the rejects directories they named)"
                  : ""));
    } else if (setAsideNow > 0) {
      err.println(setAsideNow + " bad records set aside in " + bad.requireRejectsDir());
    }
    if (countProblem.isPresent()) {
      err.println("Import incomplete: " + countProblem.get());
    }
    return complete ? 0 : 1;
  }

  /**
   * Gives an on-demand table without a write budget one ({@link OnDemandBudget}), telling why.
   *
   * @return the options as now configured
   */
  private DdbioOptions onDemandBudget(Configuration conf, DdbioOptions options, TableInfo table)
      throws IOException {
    Optional<String> reason =
        OnDemandBudget.resolve(conf, options, table, false, options.write().throughput().percent());
    if (reason.isEmpty()) {
      return options;
    }
    console.note(reason.get());
    return setting(() -> HadoopOptions.from(conf));
  }

  /**
   * The write units per second the job aims at: its share of the table's capacity. Fails before the
   * job for an on-demand table without an explicit budget.
   */
  private static double targetUnits(TableInfo table, DdbioOptions options) throws IOException {
    try {
      return TaskRates.tableUnits(
              table, table.writeUnits(), options.write().throughput(), DdbioKeys.WRITE_UNITS.name())
          * options.write().throughput().percent();
    } catch (IllegalArgumentException e) {
      throw new IOException(e.getMessage() + " (the tool's --write-units sets it)", e);
    }
  }

  private void reportFailure(Job job) throws IOException, InterruptedException {
    PrintStream err = console.err();
    List<String> reasons = TaskFailures.reasons(job);
    if (reasons.isEmpty()) {
      err.println(
          "Import failed: "
              + job.getStatus().getFailureInfo()
              + " (see the task logs; items written so far stay in the table)");
      return;
    }
    err.println("Import failed: " + reasons.get(0));
    for (String other : reasons.subList(1, reasons.size())) {
      err.println("  also: " + other);
    }
  }

  /** After a failed job, tells where the rejects of the tasks that finished are, if any are. */
  private void reportRejectsKept(BadRecordOptions bad, Configuration conf) throws IOException {
    if (bad.rejectsDir().isPresent()) {
      Path dir = bad.rejectsDir().get();
      if (dir.getFileSystem(conf).exists(dir)) {
        console.note("  bad records set aside by the tasks that finished are in " + dir);
      }
    }
  }
}
