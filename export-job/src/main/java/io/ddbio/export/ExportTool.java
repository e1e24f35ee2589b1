package io.ddbio.export;

import io.ddbio.dynamodb.DynamoDBClientFactory;
import io.ddbio.export.commit.ExportWithdrawal;
import io.ddbio.export.commit.StartedExport;
import io.ddbio.export.layout.ExportFormat;
import io.ddbio.mapreduce.DdbioTool;
import io.ddbio.mapreduce.HadoopOptions;
import io.ddbio.mapreduce.JobCounts;
import io.ddbio.tool.ToolConsole;
import io.ddbio.tool.UsageException;
import java.io.PrintStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.mapreduce.Counters;
import org.apache.hadoop.util.ToolRunner;
import software.amazon.awssdk.regions.Region;

/**
 * Exports a DynamoDB table, or several at the same time, to new directories, in Data Pipeline's
 * format or the native layout ({@link ExportFormat}): {@code hadoop jar …
 * io.ddbio.export.ExportTool [generic options] <outputDir> <table>[,<table>…] [readRatio]
 * [totalSegments] [options]} (see {@link ExportArguments#usage()}).
 *
 * <p>One table's export is a {@link TableExport}: it checks the arguments, that the directory does
 * not exist, that the table exists and has a read budget, and that DynamoDB accepts the projection
 * and filter, if any; it then runs the job, printing progress and a summary, and checks that the
 * items read, the items in the metadata and the per-file counts agree. An export whose job fails
 * keeps what its tasks committed ({@link StartedExport}) for {@code --resume}; one whose final
 * check fails is withdrawn ({@link ExportWithdrawal}). Several tables are several such exports,
 * each to {@code <outputDir>/<table>}, run at the same time by {@link SeveralExports}. A bucket's
 * root as the output names each folder as the console's template did ({@link ExportDirectories}).
 *
 * <p>Exit status: 0 when every export is complete and checked, 1 when any failed (the reason on
 * standard error), 2 for a usage error (the reason and the usage on standard error).
 */
public class ExportTool extends DdbioTool<ExportArguments> {
  private final JobCounts.Source counterSource;
  private Counters counters;

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
    super(out, err, ExportArguments.usage(), ExportArguments::parse);
    this.counterSource = counterSource;
  }

  /** Runs the export and exits with its status. */
  public static void main(String[] args) throws Exception {
    System.exit(ToolRunner.run(new ExportTool(), args));
  }

  @Override
  protected int run(ExportArguments arguments, Configuration conf) {
    counters = null;
    try {
      Map<String, String> dirs = outputDirs(arguments, conf, Instant.now());
      if (arguments.severalTables()) {
        return new SeveralExports(console, counterSource, arguments).run(conf, dirs);
      }
      ExportArguments.setTable(conf, arguments.table(), dirs.get(arguments.table()));
      TableExport export = new TableExport(console, counterSource, conf, arguments, "Export");
      TableExport.Outcome outcome = export.run();
      counters = export.counters();
      if (outcome.status() == ToolConsole.USAGE_ERROR) {
        return console.usageError(outcome.problem());
      }
      return outcome.status();
    } catch (UsageException e) {
      return console.usageError(e.getMessage());
    }
  }

  /**
   * The counters of the job this tool last ran, or null if none ran, they are not kept (a succeeded
   * job's counters that could not be read), or the tool ran several jobs.
   */
  public Counters counters() {
    return counters;
  }

  /**
   * Each table's output directory, in the order of the command line ({@link ExportDirectories}).
   *
   * @param start when the command started, for a bucket root's folder names
   * @throws UsageException for {@code --resume} with a bucket root, whose folder names change with
   *     each run, and for a bucket root when no region is known
   */
  private static Map<String, String> outputDirs(
      ExportArguments arguments, Configuration conf, Instant start) {
    boolean bucketRoot = ExportDirectories.isBucketRoot(arguments.outputDir());
    if (bucketRoot && arguments.resume()) {
      throw new UsageException(
          "--resume needs the directory of the export to finish, which the first run printed: at"
              + " a bucket's root each run names a new folder <bucket>/<region>/<table>/<time>");
    }
    String region = bucketRoot ? region(conf) : null;
    Map<String, String> dirs = new LinkedHashMap<>();
    for (String table : arguments.tables()) {
      dirs.put(
          table,
          ExportDirectories.of(
              arguments.outputDir(), table, arguments.severalTables(), () -> region, start));
    }
    return dirs;
  }

  /** The region the DynamoDB client uses, which names the folder below a bucket's root. */
  private static String region(Configuration conf) {
    return DynamoDBClientFactory.region(setting(() -> HadoopOptions.from(conf)).client())
        .map(Region::id)
        .orElseThrow(
            () ->
                new UsageException(
                    "An export to a bucket's root goes to <bucket>/<region>/<table>/<time>, and no"
                        + " region is set: give --region (dynamodb.region)"));
  }
}
