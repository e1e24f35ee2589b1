package io.ddbio.export;

import io.ddbio.config.DdbioKeys;
import io.ddbio.config.ScanExpressions;
import io.ddbio.config.ScanOptions;
import io.ddbio.export.layout.ExportCompression;
import io.ddbio.export.layout.ExportFormat;
import io.ddbio.mapreduce.DdbioTool;
import io.ddbio.tool.Arguments;
import io.ddbio.tool.PlanRequest;
import io.ddbio.tool.TableNames;
import io.ddbio.tool.UsageException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.BiFunction;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapreduce.lib.output.FileOutputFormat;

/**
 * The export's command line, after Hadoop's generic options ({@code -D key=value}, …) are removed:
 * {@code <outputDir> <table> [readRatio] [totalSegments]}, the positional form of Data Pipeline's
 * export step and of the predecessor's {@code DynamoDBExport}, plus named options. A value given
 * both by position and by name is refused rather than one silently winning.
 *
 * @param help {@code --help} was given; nothing else is read and the other fields are empty
 * @param outputDir the directory to create; with several tables, the directory each table's export
 *     goes below ({@code <outputDir>/<table>}); a bucket's root ({@code s3a://bucket}) names the
 *     folder as the console did ({@link ExportDirectories})
 * @param tables the tables to export, in the order given: one, or several given as a
 *     comma-separated list ({@code Orders,Customers}), which are exported at the same time
 * @param readRatio share of the table's read capacity ({@code dynamodb.throughput.read.percent})
 * @param segments total scan segments ({@code dynamodb.scan.segments})
 * @param maxMapTasks most map tasks ({@code dynamodb.max.map.tasks})
 * @param readUnits read capacity the ratio applies to ({@code dynamodb.throughput.read})
 * @param compression how data files are compressed; empty leaves the configuration's setting
 * @param endpoint DynamoDB endpoint ({@code dynamodb.endpoint})
 * @param region the table's region ({@code dynamodb.region})
 * @param consistentRead strongly consistent scan ({@code dynamodb.scan.consistent.read})
 * @param format how items are written; empty for {@link ExportFormat#DATAPIPELINE}
 * @param projection the attributes to export ({@code dynamodb.scan.projection})
 * @param filter the items to export ({@code dynamodb.scan.filter})
 * @param names expression attribute names as JSON ({@code dynamodb.scan.expression.names})
 * @param values expression attribute values as DynamoDB JSON ({@code
 *     dynamodb.scan.expression.values})
 * @param resume {@code --resume}: finish the unfinished export in the output directory, if there is
 *     one, reading only the segments its earlier runs did not commit
 * @param plan {@code --plan}: print what the export would do, and stop before reading any item
 * @param skipExpired {@code --skip-expired}: leave out the items whose time to live has expired
 */
public record ExportArguments(
    boolean help,
    String outputDir,
    List<String> tables,
    OptionalDouble readRatio,
    OptionalInt segments,
    OptionalInt maxMapTasks,
    OptionalDouble readUnits,
    Optional<ExportCompression> compression,
    Optional<String> endpoint,
    Optional<String> region,
    boolean consistentRead,
    Optional<ExportFormat> format,
    Optional<String> projection,
    Optional<String> filter,
    Optional<String> names,
    Optional<String> values,
    boolean resume,
    PlanRequest plan,
    boolean skipExpired)
    implements DdbioTool.CommandLine {

  private static final Set<String> VALUED =
      PlanRequest.valuedAnd(
          "read-ratio",
          "segments",
          "max-map-tasks",
          "read-units",
          "compression",
          "endpoint",
          "region",
          "format",
          "projection",
          "filter",
          "names",
          "values");
  private static final Set<String> FLAGS =
      PlanRequest.flagsAnd("consistent-read", "resume", "skip-expired", "help");
  private static final int MAX_POSITIONAL = 4;

  private static final ExportArguments HELP =
      new ExportArguments(
          true,
          null,
          List.of(),
          OptionalDouble.empty(),
          OptionalInt.empty(),
          OptionalInt.empty(),
          OptionalDouble.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          false,
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          false,
          PlanRequest.NONE,
          false);

  /**
   * Parses the command line.
   *
   * @throws UsageException naming what is missing, unknown, conflicting or out of range
   */
  public static ExportArguments parse(String... args) {
    // Help wins over everything else, so "--help" works even next to a mistake.
    for (String a : args) {
      if (a.equals("--help") || a.equals("-h")) {
        return HELP;
      }
    }
    Arguments a =
        Arguments.parse(
            Arguments.withoutLeadingClassName(args, "Export", ExportTool.class), VALUED, FLAGS);
    List<String> positional = a.positional();
    positional.forEach(ExportArguments::rejectSingleDash);
    if (positional.size() > MAX_POSITIONAL) {
      throw new UsageException(
          "Too many arguments: expected <outputDir> <table> [readRatio] [totalSegments], got "
              + String.join(" ", positional));
    }
    if (positional.isEmpty()) {
      throw new UsageException("Missing <outputDir> and <table>");
    }
    if (positional.size() < 2) {
      throw new UsageException(
          "Missing <table>: name the DynamoDB table to export after the output directory");
    }
    String outputDir = outputDir(positional.get(0));
    String table = positional.get(1).trim();
    if (table.isEmpty()) {
      throw new UsageException("<table> is empty");
    }
    List<String> tables = TableNames.checkList(table, "<table>");
    Optional<String> ratio =
        oneOf(a.positional(2), a.option("read-ratio"), "readRatio (third argument)", "read-ratio");
    Optional<String> segments =
        oneOf(a.positional(3), a.option("segments"), "totalSegments (fourth argument)", "segments");
    Optional<ExportFormat> format = a.option("format").map(ExportFormat::parse);
    Optional<ExportCompression> compression = a.option("compression").map(ExportCompression::parse);
    if (format.orElse(ExportFormat.DATAPIPELINE) == ExportFormat.DYNAMODB_JSON
        && compression.isPresent()
        && compression.get() != ExportCompression.GZIP) {
      throw new UsageException(
          "--format dynamodb-json always writes gzip files (the native layout's); drop"
              + " --compression "
              + compression.get().argument()
              + " or give gzip");
    }
    return new ExportArguments(
        false,
        outputDir,
        tables,
        ratio
            .map(
                r ->
                    Arguments.capacityShare(
                        r,
                        "read ratio",
                        " (a share of the table's read capacity: 0.25 is a quarter)"))
            .map(OptionalDouble::of)
            .orElse(OptionalDouble.empty()),
        segments.map(ExportArguments::segments).map(OptionalInt::of).orElse(OptionalInt.empty()),
        a.option("max-map-tasks")
            .map(m -> Arguments.integerAtLeast(m, "--max-map-tasks", 1))
            .map(OptionalInt::of)
            .orElse(OptionalInt.empty()),
        a.option("read-units")
            .map(u -> Arguments.positive(u, "--read-units", " of read capacity units per second"))
            .map(OptionalDouble::of)
            .orElse(OptionalDouble.empty()),
        compression,
        a.option("endpoint").map(ExportArguments::endpoint),
        a.option("region").map(ExportArguments::region),
        a.flag("consistent-read"),
        format,
        a.option("projection").map(e -> expression(e, "--projection")),
        a.option("filter").map(e -> expression(e, "--filter")),
        a.option("names").map(n -> json(n, ScanExpressions::parseNames, "--names")),
        a.option("values").map(v -> json(v, ScanExpressions::parseValues, "--values")),
        a.flag("resume"),
        PlanRequest.from(a),
        a.flag("skip-expired"));
  }

  /**
   * The one table to export.
   *
   * @throws IllegalStateException when the command line names several
   */
  public String table() {
    if (tables.size() != 1) {
      throw new IllegalStateException("The command line names " + tables.size() + " tables");
    }
    return tables.get(0);
  }

  /** Whether the command line names several tables to export at the same time. */
  public boolean severalTables() {
    return tables.size() > 1;
  }

  /**
   * Sets in {@code conf} every key the command line gave a value for: the table, the job's output
   * directory, the library's scan and client keys, and {@link FileOutputFormat}'s compression keys.
   * Keys the command line did not mention keep their configured values (e.g. from {@code -D}). With
   * several tables, the table and the output directory are each export's own, and are set in that
   * export's copy of {@code conf} ({@link #setTable}).
   *
   * @throws IllegalStateException for the {@code --help} arguments, which name no export
   */
  @Override
  public void applyTo(Configuration conf) {
    if (help) {
      throw new IllegalStateException("--help names no export to configure");
    }
    if (!severalTables()) {
      setTable(conf, table(), outputDir);
    }
    readRatio.ifPresent(r -> conf.set(DdbioKeys.READ_PERCENT.name(), Double.toString(r)));
    segments.ifPresent(s -> conf.setInt(DdbioKeys.SCAN_SEGMENTS.name(), s));
    maxMapTasks.ifPresent(m -> conf.setInt(DdbioKeys.MAX_MAP_TASKS.name(), m));
    readUnits.ifPresent(u -> conf.set(DdbioKeys.READ_UNITS.name(), Double.toString(u)));
    compression.ifPresent(c -> c.applyTo(conf));
    endpoint.ifPresent(e -> conf.set(DdbioKeys.ENDPOINT.name(), e));
    region.ifPresent(r -> conf.set(DdbioKeys.REGION.name(), r));
    if (consistentRead) {
      conf.setBoolean(DdbioKeys.CONSISTENT_READ.name(), true);
    }
    format.ifPresent(f -> ExportJobConf.setFormat(conf, f));
    projection.ifPresent(p -> conf.set(DdbioKeys.SCAN_PROJECTION.name(), p));
    filter.ifPresent(f -> conf.set(DdbioKeys.SCAN_FILTER.name(), f));
    names.ifPresent(n -> conf.set(DdbioKeys.SCAN_NAMES.name(), n));
    values.ifPresent(v -> conf.set(DdbioKeys.SCAN_VALUES.name(), v));
    if (skipExpired) {
      ExportJobConf.setSkipExpired(conf);
    }
  }

  /** Sets in {@code conf} the table {@code table} and the output directory {@code dir}. */
  static void setTable(Configuration conf, String table, String dir) {
    conf.set(FileOutputFormat.OUTDIR, dir);
    conf.set(DdbioKeys.INPUT_TABLE.name(), table);
  }

  /** The usage text: synopsis, arguments, options, exit status. */
  public static String usage() {
    return ExportUsage.text();
  }

  private static void rejectSingleDash(String arg) {
    if (arg.length() > 1 && arg.startsWith("-") && !isNumber(arg)) {
      throw new UsageException(
          "Unknown option "
              + arg
              + ": options take two dashes (e.g. --read-ratio), and Hadoop's generic options"
              + " (-D key=value) go before the arguments");
    }
  }

  private static boolean isNumber(String s) {
    try {
      Double.parseDouble(s);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static String outputDir(String raw) {
    String dir = raw.trim();
    if (dir.isEmpty()) {
      throw new UsageException("<outputDir> is empty");
    }
    try {
      new Path(dir);
    } catch (IllegalArgumentException e) {
      throw new UsageException("<outputDir> \"" + raw + "\" is not a path: " + e.getMessage());
    }
    return dir;
  }

  private static Optional<String> oneOf(
      Optional<String> positional, Optional<String> named, String positionName, String option) {
    if (positional.isPresent() && named.isPresent()) {
      throw new UsageException(
          positionName
              + " \""
              + positional.get()
              + "\" and --"
              + option
              + " \""
              + named.get()
              + "\" both given; give one");
    }
    return positional.or(() -> named);
  }

  private static int segments(String value) {
    int s = Arguments.integer(value, "total segments");
    if (s < 1 || s > ScanOptions.MAX_SEGMENTS) {
      throw new UsageException(
          "total segments must be 1.." + ScanOptions.MAX_SEGMENTS + ", was " + value);
    }
    return s;
  }

  private static String endpoint(String value) {
    String url = value.trim();
    if (!Arguments.isHttpUrl(url)) {
      throw new UsageException(
          "--endpoint must be an http or https URL with a host, e.g. http://127.0.0.1:8000, was \""
              + value
              + "\"");
    }
    return url;
  }

  private static String expression(String value, String option) {
    if (value.isBlank()) {
      throw new UsageException(option + " is empty");
    }
    return value.strip();
  }

  /** Checks the JSON now, so a quoting slip in the shell is a usage error, not a failed job. */
  private static String json(String json, BiFunction<String, String, ?> parse, String option) {
    try {
      parse.apply(json, option);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    return json.strip();
  }

  private static String region(String value) {
    String r = value.trim();
    if (r.isEmpty() || r.chars().anyMatch(Character::isWhitespace)) {
      throw new UsageException(
          "--region must be a region name such as us-east-1, was \"" + value + "\"");
    }
    return r;
  }
}
