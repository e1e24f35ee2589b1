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
import io.ddbio.export.layout.ExportFormat;
import io.ddbio.export.layout.NativeLayout;
import io.ddbio.mapreduce.HadoopOptions;
import io.ddbio.mapreduce.JobCounts;
import io.ddbio.mapreduce.JobTool;
import io.ddbio.metrics.CounterSink;
import io.ddbio.metrics.DdbioCounter;
import io.ddbio.scan.ScanSpec;
import io.ddbio.tool.JobSummary;
import io.ddbio.tool.ToolConsole;
import io.ddbio.tool.UsageException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.ToLongFunction;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapreduce.Counters;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.lib.output.FileOutputFormat;
import org.apache.hadoop.util.ToolRunner;

/**
 * Exports a DynamoDB table to a new directory, in Data Pipeline's format or the native layout
 * ({@link ExportFormat}): {@code hadoop jar … io.ddbio.export.ExportTool [generic options]
 * <outputDir> <table> [readRatio] [totalSegments] [options]} (see {@link ExportArguments#usage()}).
 *
 * <p>Before submitting it checks the arguments, that the directory does not exist, that the table
 * exists and has a read budget, and that DynamoDB accepts the projection and filter, if any ({@link
 * ExpressionProbe}). It then runs the job, printing progress, prints a summary to standard output
 * and checks that the items read, the items in the metadata and the per-file counts agree. Exit
 * status: 0 when the export is complete and checked, 1 when anything failed (the reason on standard
 * error), 2 for a usage error (the reason and the usage on standard error). An export that fails,
 * in its job or in the final check (counts that disagree or cannot be read), has its output
 * directory removed, index files first ({@link ExportWithdrawal}): nothing may restore it, and a
 * retry can use the same path.
 */
public class ExportTool extends JobTool<ExportArguments> {
  /** A tool printing to the process's standard output and error. */
  public ExportTool() {
    this(System.out, System.err);
  }

  /**
   * @param out receives the summary and the usage asked for with {@code --help}
   * @param err receives errors
   */
  public ExportTool(PrintStream out, PrintStream err) {
    this(out, err, JobCounts.Source.HADOOP);
  }

  /**
   * @param counterSource how the finished job's counters are read
   */
  ExportTool(PrintStream out, PrintStream err, JobCounts.Source counterSource) {
    super(out, err, ExportArguments.usage(), ExportArguments::parse, counterSource);
  }

  /** Runs the export and exits with its status. */
  public static void main(String[] args) throws Exception {
    System.exit(ToolRunner.run(new ExportTool(), args));
  }

  @Override
  protected int run(ExportArguments arguments, Configuration conf) {
    String what = "Export of table \"" + arguments.table() + "\" to " + arguments.outputDir();
    try {
      return export(conf, arguments.table());
    } catch (UsageException e) {
      return console.usageError(e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return console.failure(what + " was interrupted");
    } catch (IOException | ClassNotFoundException | RuntimeException e) {
      return console.failure(what + " failed: " + ToolConsole.describe(e));
    }
  }

  /** The counters of the last job this tool ran, or null if none ran. */
  public Counters counters() {
    return lastCounters();
  }

  private int export(Configuration conf, String tableName)
      throws IOException, InterruptedException, ClassNotFoundException {
    Path dir = new Path(conf.get(FileOutputFormat.OUTDIR));
    FileSystem fs = dir.getFileSystem(conf);
    Path out = fs.makeQualified(dir);
    String title = "Export of table \"" + tableName + "\" to " + out;
    if (fs.exists(out)) {
      return console.failure(
          title
              + " not started: the output directory already exists. An export writes a new"
              + " directory; choose another path or remove this one.");
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

    Job job = ExportJob.create(conf, out, table.description(), Instant.now());
    long started = System.nanoTime();
    boolean succeeded = job.waitForCompletion(true);
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    Optional<String> problem;
    try {
      problem = succeeded ? Optional.empty() : Optional.of(JobFailure.describe(job));
      Optional<String> unknown = readCounters(job, succeeded);
      if (succeeded && unknown.isPresent()) {
        // Unknown counts are a failure: read as zeros, the check below could compare 0 with 0.
        problem = unknown;
      }
      if (problem.isEmpty()) {
        problem =
            ExportCheck.problem(
                JobCounts.totals(lastCounters()).applyAsLong(DdbioCounter.ITEMS_READ),
                metadata(fs, out));
      }
    } catch (IOException | RuntimeException | InterruptedException e) {
      // The job has committed _SUCCESS and the manifest: an export that cannot be checked must
      // not stay looking complete, whatever stopped the check.
      withdraw(fs, out, "its outcome could not be checked");
      throw e;
    }
    if (lastCounters() != null) {
      // Without counters a summary would show zeros as if they had been counted.
      ToLongFunction<DdbioCounter> counts = JobCounts.totals(lastCounters());
      console.print(new JobSummary(title, problem.isEmpty(), took, counts).render());
    }
    if (problem.isEmpty()) {
      console.print(layoutNote(job.getConfiguration(), out, selection));
      return ToolConsole.OK;
    }
    int status = console.failure(title + " failed: " + problem.get());
    withdraw(
        fs, out, succeeded ? "an export that failed its final check must not be restored" : null);
    return status;
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
   * Reads the options and describes the table, so that a wrong setting, a missing table or an
   * on-demand table without a read budget stop the export before anything is written.
   */
  private static TableInfo describeTable(Configuration conf) throws IOException {
    DdbioOptions options = setting(() -> HadoopOptions.from(conf));
    ScanOptions scan = setting(options::scan);
    TableInfo table;
    try (DynamoDBSession session = DynamoDBSession.open(options, CounterSink.NONE)) {
      table = TableInfo.describe(session.client(), session.retrier(), scan.table());
      if (!scan.expressions().isWholeTable()) {
        ExpressionProbe.check(session, ScanSpec.of(scan));
      }
    }
    try {
      TaskRates.tableUnits(
          table, table.readUnits(), scan.throughput(), DdbioKeys.READ_UNITS.name());
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage() + " (on the command line: --read-units U)");
    }
    return table;
  }

  /** Where a native export's data is, and a reminder that a selective export is partial. */
  private static String layoutNote(Configuration jobConf, Path out, ScanExpressions selection)
      throws IOException {
    StringBuilder sb = new StringBuilder();
    if (ExportJobConf.format(jobConf) == ExportFormat.DYNAMODB_JSON) {
      String id = ExportJobConf.nativeTarget(jobConf).exportId();
      sb.append("  native layout:             ")
          .append(new Path(out, NativeLayout.exportDir(id)))
          .append('\n');
      String scheme = out.toUri().getScheme();
      if (scheme != null && scheme.startsWith("s3")) {
        sb.append("  for Import from S3:        bucket ")
            .append(NativeLayout.bucket(out))
            .append(", key prefix ")
            .append(NativeLayout.key(out, NativeLayout.exportDir(id) + "/data/"))
            .append('\n');
      }
    }
    ExportSelection.of(selection)
        .ifPresent(
            s ->
                sb.append("  partial export:            ")
                    .append(s.describe())
                    .append(" (recorded in ")
                    .append(ExportMetadata.FILE_NAME)
                    .append(")\n"));
    return sb.toString();
  }

  private static ExportMetadata metadata(FileSystem fs, Path out) throws IOException {
    Path path = new Path(out, ExportMetadata.FILE_NAME);
    try (InputStream in = fs.open(path)) {
      return ExportMetadata.read(in, path.toString());
    }
  }
}
