package io.ddbio.export;

import io.ddbio.backup.ExportMetadata;
import io.ddbio.backup.ExportSelection;
import io.ddbio.capacity.TaskRates;
import io.ddbio.config.DdbioKeys;
import io.ddbio.config.DdbioOptions;
import io.ddbio.config.ScanExpressions;
import io.ddbio.config.ScanOptions;
import io.ddbio.dynamodb.DynamoDBSession;
import io.ddbio.dynamodb.KeyAttribute;
import io.ddbio.dynamodb.TableInfo;
import io.ddbio.export.commit.ExportWithdrawal;
import io.ddbio.export.commit.ResumePoint;
import io.ddbio.export.commit.StartedExport;
import io.ddbio.export.layout.ExportFormat;
import io.ddbio.export.layout.NativeExportTarget;
import io.ddbio.export.layout.SummaryNotes;
import io.ddbio.export.output.ExportOutputFormat;
import io.ddbio.mapreduce.ClusterSlots;
import io.ddbio.mapreduce.DdbioTool;
import io.ddbio.mapreduce.HadoopOptions;
import io.ddbio.mapreduce.JobCounts;
import io.ddbio.mapreduce.JobWatch;
import io.ddbio.mapreduce.OnDemandBudget;
import io.ddbio.metrics.CounterSink;
import io.ddbio.metrics.DdbioCounter;
import io.ddbio.scan.ScanPlanner;
import io.ddbio.scan.ScanSpec;
import io.ddbio.tool.JobSummary;
import io.ddbio.tool.PlanRequest;
import io.ddbio.tool.ProgressLine;
import io.ddbio.tool.ToolConsole;
import io.ddbio.tool.UsageException;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.ToLongFunction;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.mapreduce.Counters;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.lib.output.FileOutputCommitter;
import org.apache.hadoop.mapreduce.lib.output.FileOutputFormat;

/**
 * One table's export, from its checks to its summary: what {@link ExportTool} runs for one table,
 * and {@link SeveralExports} for each of several tables at the same time. Each has its own copy of
 * the configuration (its table and output directory), its own job and its own record of what it was
 * started with, so that one export's failure is its own.
 *
 * <p>It checks that the directory does not exist (or holds an unfinished export to resume), that
 * the table exists and has a read budget, and that DynamoDB accepts the projection and filter, if
 * any ({@link ExpressionProbe}). It then runs the job, printing progress, prints a summary to
 * standard output and checks that the items read, the items in the metadata and the per-file counts
 * agree. An export whose job fails keeps what its tasks committed, with the record of what it was
 * started with ({@link StartedExport}), so that a rerun with {@code --resume} reads only the rest;
 * without anything committed it is removed. An export whose final check fails (counts that disagree
 * or cannot be read) has its output directory removed, index files first ({@link
 * ExportWithdrawal}): nothing may restore it, and a retry can use the same path.
 *
 * <p>An object runs once, on one thread; several run at the same time on their own threads and
 * share only the console, whose streams print each line or summary whole.
 */
final class TableExport {
  /**
   * How one table's export ended.
   *
   * @param table the table, as the command line named it
   * @param outputDir the output directory, fully qualified when it could be
   * @param status the exit status of this export alone: {@link ToolConsole#OK}, {@link
   *     ToolConsole#FAILED} or {@link ToolConsole#USAGE_ERROR}
   * @param problem why it failed, as printed to standard error; null when it succeeded
   * @param items the items exported, by this run and by earlier runs of a resumed export; -1 when
   *     no count was read
   * @param duration from the first check to the last
   */
  record Outcome(
      String table, String outputDir, int status, String problem, long items, Duration duration) {
    boolean succeeded() {
      return status == ToolConsole.OK;
    }
  }

  private final ToolConsole console;
  private final JobCounts.Source counterSource;
  private final Configuration conf;
  private final ExportArguments arguments;
  private final String jobLabel;

  private Counters counters;
  private long earlierItems;
  private String outputDir;
  private String problem;

  /**
   * @param console where the export prints: shared by exports that run at the same time
   * @param counterSource how the finished job's counters are read
   * @param conf this export's own configuration, its table and output directory set ({@link
   *     ExportArguments#setTable}); the export changes it
   * @param arguments the command line, for {@code --resume} and {@code --plan}
   * @param jobLabel how the line saying the job started names it, e.g. {@code Export}
   */
  TableExport(
      ToolConsole console,
      JobCounts.Source counterSource,
      Configuration conf,
      ExportArguments arguments,
      String jobLabel) {
    this.console = console;
    this.counterSource = counterSource;
    this.conf = conf;
    this.arguments = arguments;
    this.jobLabel = jobLabel;
  }

  /**
   * Runs the export: prints its progress, summary and any failure, and says how it ended. A setting
   * the export cannot run with (e.g. an on-demand table without a read budget) ends it with {@link
   * ToolConsole#USAGE_ERROR} before anything is written, and is not printed: the caller says it,
   * with the usage for one table, beside the other tables' outcomes for several.
   */
  Outcome run() {
    String table = conf.get(DdbioKeys.INPUT_TABLE.name());
    outputDir = conf.get(FileOutputFormat.OUTDIR);
    String what = "Export of table \"" + table + "\" to " + outputDir;
    long started = System.nanoTime();
    int status;
    try {
      status = export();
    } catch (UsageException e) {
      problem = e.getMessage();
      status = ToolConsole.USAGE_ERROR;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      status = fail(what + " was interrupted");
    } catch (IOException | ClassNotFoundException | RuntimeException e) {
      status = fail(what + " failed: " + ToolConsole.describe(e));
    }
    long items =
        counters == null
            ? -1
            : JobCounts.totals(counters).applyAsLong(DdbioCounter.ITEMS_READ) + earlierItems;
    return new Outcome(
        table,
        outputDir,
        status,
        status == ToolConsole.OK ? null : problem,
        items,
        Duration.ofNanos(System.nanoTime() - started));
  }

  /** The counters of this export's job, or null if none ran or they are not kept. */
  Counters counters() {
    return counters;
  }

  /** Prints {@code message} to standard error and keeps it as the reason the export failed. */
  private int fail(String message) {
    problem = message;
    return console.failure(message);
  }

  private int export() throws IOException, InterruptedException, ClassNotFoundException {
    Path dir = new Path(conf.get(FileOutputFormat.OUTDIR));
    FileSystem fs = dir.getFileSystem(conf);
    Path out = fs.makeQualified(dir);
    outputDir = out.toString();
    String title = "Export of table \"" + conf.get(DdbioKeys.INPUT_TABLE.name()) + "\" to " + out;
    if (arguments.plan().requested()) {
      return plan(conf, arguments.plan(), title, fs.exists(out));
    }
    Optional<StartedExport> earlier = Optional.empty();
    if (fs.exists(out)) {
      earlier =
          fs.exists(new Path(out, FileOutputCommitter.SUCCEEDED_FILE_NAME))
              ? Optional.empty()
              : StartedExport.read(fs, out);
      if (earlier.isEmpty()) {
        return fail(
            title
                + " not started: the output directory already exists. An export writes a new"
                + " directory; choose another path or remove this one.");
      }
      if (!arguments.resume()) {
        return fail(
            title
                + " not started: the output directory holds an unfinished export, started "
                + earlier.get().startTime()
                + ". Rerun with --resume to finish it, or remove the directory to start again.");
      }
    } else if (arguments.resume()) {
      console.note("Nothing to resume in " + out + ": starting a new export.");
    }
    TableInfo table = describeTable(conf);
    ScanExpressions selection = HadoopOptions.from(conf).scan().expressions();
    List<String> keysLeftOut =
        ProjectedKeys.missing(selection, table.keys().stream().map(KeyAttribute::name).toList());
    if (!keysLeftOut.isEmpty()) {
      console.note(
          "Warning: the projection leaves out key attribute(s) "
              + keysLeftOut
              + ": the exported items cannot be imported into a table.");
    }

    ResumePoint done = earlier.isPresent() ? resumeFrom(conf, fs, out, earlier.get()) : null;
    if (conf.get(DdbioKeys.SCAN_SEGMENTS.name()) == null) {
      // Fixed before the first run, so that a resumed run reads the rest of the same scan.
      conf.setInt(DdbioKeys.SCAN_SEGMENTS.name(), plannedSegments(conf, table));
    }
    StartedExport.Run run =
        new StartedExport.Run(
            earlier.map(e -> e.lastRun().run() + 1).orElse(1),
            UUID.randomUUID().toString(),
            Instant.now().toString());
    ExportJobConf.setRun(conf, run.run(), run.id());
    Job job =
        ExportJob.create(
            conf,
            out,
            table.description(),
            Instant.parse(earlier.map(StartedExport::startTime).orElse(run.startTime())),
            earlier.map(StartedExport::target).map(NativeExportTarget::exportId).orElse(null),
            console::note);
    StartedExport thisRun = started(job, table, run);
    if (earlier.isPresent()) {
      List<String> differences = earlier.get().differences(thisRun);
      if (!differences.isEmpty()) {
        return fail(
            title
                + " not resumed: a resume must export what the first run began to, and here "
                + String.join("; ", differences)
                + ". Give the first run's options, or remove the directory to start again.");
      }
    }
    earlier.map(e -> e.withRun(run)).orElse(thisRun).write(fs, out);
    int totalSegments = job.getConfiguration().getInt(DdbioKeys.SCAN_SEGMENTS.name(), 0);

    ProgressLine line = ExportProgressLine.of(title, table, job.getConfiguration(), done);
    long started = System.nanoTime();
    boolean succeeded;
    try {
      JobWatch.submit(job, jobLabel, console.err());
      succeeded =
          JobWatch.await(
              job,
              line,
              DdbioCounter.ITEMS_READ,
              DdbioCounter.READ_CAPACITY_MILLIUNITS,
              console.err());
    } catch (IOException | RuntimeException | InterruptedException e) {
      keepOrWithdraw(fs, out, totalSegments);
      throw e;
    }
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    earlierItems = done == null ? 0 : done.items();
    Optional<String> problem;
    try {
      problem = succeeded ? Optional.empty() : Optional.of(JobFailure.describe(job));
      JobCounts.Checked read = JobCounts.readChecked(job, counterSource, succeeded);
      counters = read.counters();
      Optional<String> unknown = read.unknown();
      if (succeeded && unknown.isPresent()) {
        // Unknown counts are a failure: read as zeros, the check below could compare 0 with 0.
        problem = unknown;
      }
      if (problem.isEmpty()) {
        problem =
            ExportCheck.problem(
                JobCounts.totals(counters).applyAsLong(DdbioCounter.ITEMS_READ)
                    - JobCounts.totals(counters).applyAsLong(DdbioCounter.ITEMS_EXPIRED)
                    + earlierItems,
                metadata(fs, out));
      }
    } catch (IOException | RuntimeException | InterruptedException e) {
      if (succeeded) {
        // The job has committed _SUCCESS and the manifest: an export that cannot be checked must
        // not stay looking complete, whatever stopped the check.
        withdraw(fs, out, "its outcome could not be checked");
      } else {
        keepOrWithdraw(fs, out, totalSegments);
      }
      throw e;
    }
    if (counters != null) {
      // Without counters a summary would show zeros as if they had been counted.
      ToLongFunction<DdbioCounter> counts = JobCounts.totals(counters);
      String earlierRuns = done == null ? null : done.describe(totalSegments);
      console.print(new JobSummary(title, problem.isEmpty(), took, counts, earlierRuns).render());
    }
    if (problem.isEmpty()) {
      console.print(SummaryNotes.of(job.getConfiguration(), out, selection));
      return ToolConsole.OK;
    }
    int status = fail(title + " failed: " + problem.get());
    if (succeeded) {
      withdraw(fs, out, "an export that failed its final check must not be restored");
    } else {
      keepOrWithdraw(fs, out, totalSegments);
    }
    return status;
  }

  /**
   * Sets up a resumed run: the first run's segment count and format unless given, and the segments
   * earlier runs committed, which this run's splits leave out.
   *
   * @return what earlier runs committed
   */
  private ResumePoint resumeFrom(Configuration conf, FileSystem fs, Path out, StartedExport earlier)
      throws IOException {
    if (conf.get(DdbioKeys.SCAN_SEGMENTS.name()) == null) {
      conf.setInt(DdbioKeys.SCAN_SEGMENTS.name(), earlier.totalSegments());
    }
    if (!ExportJobConf.formatChosen(conf)) {
      ExportJobConf.setFormat(conf, ExportFormat.valueOf(earlier.format()));
    }
    List<String> dropped = Collections.synchronizedList(new ArrayList<>());
    ResumePoint done = ResumePoint.read(fs, out, dropped::add);
    for (String d : dropped) {
      console.note("Reading again the segments of a task whose record the stop cut short: " + d);
    }
    conf.set(DdbioKeys.SCAN_SEGMENTS_DONE.name(), done.segments().toString());
    console.note(
        "Resuming the export started "
            + earlier.startTime()
            + ": "
            + done.describe(earlier.totalSegments())
            + " committed by earlier runs are not read again.");
    return done;
  }

  /**
   * Prints what the export would do ({@link ExportPlan}), from the table's description and the
   * splits the job would get, and returns without writing anything.
   *
   * @param outputExists whether the output directory is there already, which the run refuses unless
   *     it resumes
   */
  private int plan(Configuration conf, PlanRequest request, String title, boolean outputExists)
      throws IOException {
    TableInfo table = describeTable(conf);
    ScanOptions scan = HadoopOptions.from(conf).scan();
    int slots = ClusterSlots.mapSlots(conf);
    console.print(
        ExportPlan.of(
                title,
                table,
                scan,
                ScanPlanner.plan(table, scan, slots),
                slots,
                request,
                OnDemandBudget.reason(conf, true))
            .render());
    if (outputExists) {
      console.note(
          "The output directory exists already: the export would be refused, unless it holds an"
              + " unfinished export and --resume is given (the plan is of the whole table).");
    }
    return ToolConsole.OK;
  }

  /** The segments the scan of a new export is planned in, as the job's splits would plan it. */
  private static int plannedSegments(Configuration conf, TableInfo table) {
    ScanOptions scan = HadoopOptions.from(conf).scan();
    return ScanPlanner.plan(table, scan, ClusterSlots.mapSlots(conf)).get(0).totalSegments();
  }

  /** What {@code job} exports, as a resume must repeat it, with {@code run} its only run. */
  private static StartedExport started(Job job, TableInfo table, StartedExport.Run run)
      throws IOException {
    Configuration jobConf = job.getConfiguration();
    ExportFormat format = ExportJobConf.format(jobConf);
    CompressionCodec codec = ExportOutputFormat.codec(job);
    ScanOptions scan = HadoopOptions.from(jobConf).scan();
    return new StartedExport(
        table.name(),
        table.description().tableId(),
        format.name(),
        scan.segments().orElseThrow(),
        codec == null ? null : codec.getDefaultExtension(),
        ExportSelection.of(scan.expressions()).orElse(null),
        scan.consistentRead(),
        ExportJobConf.skipExpired(jobConf),
        format == ExportFormat.DYNAMODB_JSON ? ExportJobConf.nativeTarget(jobConf) : null,
        run.startTime(),
        List.of(run));
  }

  /**
   * After a run that failed: keeps what its tasks and earlier runs committed, for a resume, or
   * withdraws the export when nothing was.
   */
  private void keepOrWithdraw(FileSystem fs, Path out, int totalSegments) throws IOException {
    ResumePoint kept;
    try {
      kept = ResumePoint.read(fs, out, d -> {});
    } catch (IOException e) {
      console.note(
          "Left "
              + out
              + " as it is: what was committed could not be read ("
              + e.getMessage()
              + "). Rerun with --resume to finish the export, or remove the directory.");
      return;
    }
    if (kept.segments().isEmpty()) {
      withdraw(fs, out, null);
      return;
    }
    console.note(
        "Kept what the export committed in "
            + out
            + ": "
            + kept.describe(totalSegments)
            + ". Rerun the same command with --resume to read the rest, or remove the directory"
            + " to start again.");
  }

  /**
   * Removes a failed export's output directory, if any, saying so.
   *
   * @param why why a directory the job completed goes, or null for an incomplete one
   */
  private void withdraw(FileSystem fs, Path out, String why) throws IOException {
    if (fs.exists(out)) {
      ExportWithdrawal.withdraw(fs, out);
      console.note(
          why == null
              ? "Removed the incomplete output directory " + out
              : "Removed the output directory " + out + ": " + why);
    }
  }

  /**
   * Reads the options and describes the table, so that a wrong setting or a missing table stop the
   * export before anything is written. An on-demand table without a read budget gets one ({@link
   * OnDemandBudget}), and the reason is told.
   */
  private TableInfo describeTable(Configuration conf) throws IOException {
    DdbioOptions options = DdbioTool.setting(() -> HadoopOptions.from(conf));
    ScanOptions scan = DdbioTool.setting(options::scan);
    TableInfo table;
    try (DynamoDBSession session = DynamoDBSession.open(options, CounterSink.NONE)) {
      table = TableInfo.describe(session.client(), session.retrier(), scan.table());
      if (!scan.expressions().isWholeTable()) {
        ExpressionProbe.check(session, ScanSpec.of(scan));
      }
    }
    Optional<String> onDemand =
        OnDemandBudget.resolve(conf, options, table, true, scan.throughput().percent());
    if (onDemand.isPresent()) {
      console.note(onDemand.get());
      scan = DdbioTool.setting(() -> HadoopOptions.from(conf).scan());
    }
    try {
      TaskRates.tableUnits(
          table, table.readUnits(), scan.throughput(), DdbioKeys.READ_UNITS.name());
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage() + " (on the command line: --read-units U)");
    }
    return table;
  }

  private static ExportMetadata metadata(FileSystem fs, Path out) throws IOException {
    Path path = new Path(out, ExportMetadata.FILE_NAME);
    try (InputStream in = fs.open(path)) {
      return ExportMetadata.read(in, path.toString());
    }
  }
}
