package io.ddbio.importer;

import io.ddbio.config.DdbioKeys;
import io.ddbio.importer.layout.BackupFormat;
import io.ddbio.importer.table.TableCreation;
import io.ddbio.mapreduce.DdbioTool;
import io.ddbio.tool.Arguments;
import io.ddbio.tool.PlanRequest;
import io.ddbio.tool.TableNames;
import io.ddbio.tool.UsageException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.apache.hadoop.conf.Configuration;

/**
 * The import's command line, after Hadoop's generic options: {@code <inputDir> <table>
 * [writeRatio]} as Data Pipeline's import step and the predecessor's {@code DynamoDBImport} pass
 * them, plus named options.
 *
 * @param inputDir the backup directory; null only when {@code help} is set
 * @param table the destination table; null only when {@code help} is set
 * @param writeRatio share of the table's write capacity the job may use, if given
 * @param writeUnits write capacity units per second to budget against, if given (on-demand tables)
 * @param endpoint DynamoDB endpoint URL, if given
 * @param region the table's region, if given
 * @param format the layout to read ({@code --format}); {@link BackupFormat#AUTO} by default
 * @param createTable whether and how to create the table first ({@code --create-table})
 * @param maxBadRecords how many bad records may be set aside instead of failing, if given
 * @param rejectsDir where bad records are set aside, if given
 * @param allowPartialItems whether an export taken with a projection may be imported ({@code
 *     --allow-partial-items})
 * @param allowNoManifest whether data files without a manifest (nor {@code ddbio-export.json}) to
 *     list them may be imported ({@code --allow-no-manifest})
 * @param resume {@code --resume}: skip the files an earlier, unfinished run of the same import
 *     recorded as imported, if there is such a run
 * @param progressDir where the import records its progress ({@code --progress-dir}), if given
 * @param plan {@code --plan}: print what the import would do, and stop before writing any item
 * @param skipExpired {@code --skip-expired}: leave out the items whose time to live has expired
 * @param help whether {@code --help} was asked for; nothing else is then checked
 */
public record ImportArguments(
    String inputDir,
    String table,
    OptionalDouble writeRatio,
    OptionalDouble writeUnits,
    Optional<String> endpoint,
    Optional<String> region,
    BackupFormat format,
    Optional<TableCreation> createTable,
    OptionalInt maxBadRecords,
    Optional<String> rejectsDir,
    boolean allowPartialItems,
    boolean allowNoManifest,
    boolean resume,
    Optional<String> progressDir,
    PlanRequest plan,
    boolean skipExpired,
    boolean help)
    implements DdbioTool.CommandLine {

  private static final String WRITE_RATIO = "write-ratio";
  private static final String WRITE_UNITS = "write-units";
  private static final String ENDPOINT = "endpoint";
  private static final String REGION = "region";
  private static final String FORMAT = "format";
  private static final String CREATE_TABLE = "create-table";
  private static final String CREATE_READ_UNITS = "create-read-units";
  private static final String CREATE_WRITE_UNITS = "create-write-units";
  private static final String MAX_BAD_RECORDS = "max-bad-records";
  private static final String REJECTS_DIR = "rejects-dir";
  private static final String ALLOW_PARTIAL_ITEMS = "allow-partial-items";
  private static final String ALLOW_NO_MANIFEST = "allow-no-manifest";
  private static final String RESUME = "resume";
  private static final String PROGRESS_DIR = "progress-dir";
  private static final String SKIP_EXPIRED = "skip-expired";
  private static final String HELP = "help";

  private static final String USAGE =
      """
      Usage: io.ddbio.importer.ImportTool [generic options] <inputDir> <table> [writeRatio] [options]

      Loads a backup directory (a Data Pipeline export, or a native DynamoDB export in
      DYNAMODB_JSON or ION, full or incremental) into a DynamoDB table. An item whose key is
      already in the table is replaced.

        <inputDir>          the backup directory (s3a://, hdfs://, file://, ...); for a native
                            export, its AWSDynamoDB/<ExportId> directory or the prefix above it
        <table>             the destination table; it must exist with the backup's key schema
                            unless --create-table is given
        [writeRatio]        share of the table's write capacity to use, 0 < ratio <= 1.5
                            (default: dynamodb.throughput.write.percent, 0.5)

      Options:
        --write-ratio R     the same as [writeRatio]
        --write-units U     write capacity units per second to take the percent of
                            (default: the provisioned capacity; for an on-demand table,
                            its ceiling, at no more than the table takes at once)
        --endpoint URL      DynamoDB endpoint, e.g. http://127.0.0.1:8000 for DynamoDB Local
        --region R          the table's AWS region
        --format F          auto (default), datapipeline or dynamodb-json (a native export)
        --create-table      create <table> first, as the export recorded it (key, attributes,
                            indexes, billing mode); only ddbio exports record it. Fails if the
                            table exists
        --create-read-units N
                            provisioned read units of the new table and of each global
                            index (default: the source's)
        --create-write-units N
                            provisioned write units, likewise
        --max-bad-records N set up to N bad records aside instead of failing at the first:
                            lines that are not items, items without the table's key (or
                            with a key of another type), items nested deeper than 32
                            levels, items over 400 KB (default 0); see docs/BAD-INPUT.md
        --rejects-dir DIR   where they are set aside, one JSON line each; DIR must not
                            exist (default: <inputDir>-rejects-<UTC time>, beside it)
        --allow-partial-items
                            import an export taken with --projection; its items then
                            replace whole items in the table with the attributes it kept
                            (refused without this option)
        --allow-no-manifest import the data files of a directory that has no manifest
                            (nor ddbio-export.json): Data Pipeline writes the manifest
                            last, so without it the export may be unfinished. The files
                            imported are listed; their completeness cannot be checked.
                            (Refused without this option)
        --resume            finish the import a failed or killed run of the same command
                            left unfinished: the files it recorded as imported are
                            skipped, the others imported from their start. Without an
                            unfinished run, imports everything
        --progress-dir DIR  where the import records each file it has imported, for
                            --resume (default: <inputDir>-import-<table>-progress, beside
                            the rejects directory's default place, or beside --rejects-dir)
        --skip-expired      leave out the items whose time to live has expired (by the
                            table's time-to-live attribute, else the one the backup
                            records), as DynamoDB would delete them; counted. Full
                            exports only
        --plan              print what the import would do (items, files, tasks, rate
                            and why, capacity, duration, on-demand billing) and stop:
                            only the backup's manifests and the table's description are
                            read, and nothing is created or written
        --price-per-million P
                            with --plan: the price of a million request units, to print
                            an on-demand table's cost (no price is built in)
        --help              print this text

      Generic options (-D key=value, -conf file, ...) come first; every key is listed in
      docs/CONFIGURATION.md. Exit status: 0 when every item was written, 1 on failure,
      2 on a usage error.
      """;

  /**
   * Parses a command line.
   *
   * @param args the arguments left after Hadoop's generic options
   * @return the arguments; {@link #help()} is true, and nothing else checked, when {@code --help}
   *     is among them
   * @throws UsageException naming what is missing, unknown, given twice or out of range
   */
  public static ImportArguments parse(String... args) {
    Arguments a =
        Arguments.parse(
            Arguments.withoutLeadingClassName(args, "Import", ImportTool.class),
            PlanRequest.valuedAnd(
                WRITE_RATIO,
                WRITE_UNITS,
                ENDPOINT,
                REGION,
                FORMAT,
                CREATE_READ_UNITS,
                CREATE_WRITE_UNITS,
                MAX_BAD_RECORDS,
                REJECTS_DIR,
                PROGRESS_DIR),
            PlanRequest.flagsAnd(
                HELP, CREATE_TABLE, ALLOW_PARTIAL_ITEMS, ALLOW_NO_MANIFEST, RESUME, SKIP_EXPIRED));
    if (a.flag(HELP)) {
      return new ImportArguments(
          null,
          null,
          OptionalDouble.empty(),
          OptionalDouble.empty(),
          Optional.empty(),
          Optional.empty(),
          BackupFormat.AUTO,
          Optional.empty(),
          OptionalInt.empty(),
          Optional.empty(),
          false,
          false,
          false,
          Optional.empty(),
          PlanRequest.NONE,
          false,
          true);
    }
    List<String> positional = a.positional();
    if (positional.size() < 2) {
      throw new UsageException(
          positional.isEmpty() ? "Missing <inputDir> and <table>" : "Missing <table>");
    }
    if (positional.size() > 3) {
      throw new UsageException(
          "Too many arguments: "
              + String.join(" ", positional.subList(3, positional.size()))
              + " (expected <inputDir> <table> [writeRatio])");
    }
    if (positional.size() == 3 && a.option(WRITE_RATIO).isPresent()) {
      throw new UsageException(
          "The write ratio is given twice: as argument \""
              + positional.get(2)
              + "\" and as --write-ratio "
              + a.option(WRITE_RATIO).get());
    }
    Optional<String> ratio = a.positional(2).or(() -> a.option(WRITE_RATIO));
    return new ImportArguments(
        nonBlank(positional.get(0), "<inputDir>"),
        TableNames.check(nonBlank(positional.get(1), "<table>").trim(), "<table>"),
        ratio
            .map(r -> Arguments.capacityShare(r, "The write ratio", ""))
            .map(OptionalDouble::of)
            .orElse(OptionalDouble.empty()),
        a.option(WRITE_UNITS)
            .map(u -> Arguments.positive(u, "--write-units", ""))
            .map(OptionalDouble::of)
            .orElse(OptionalDouble.empty()),
        a.option(ENDPOINT).map(ImportArguments::endpoint),
        a.option(REGION).map(r -> nonBlank(r, "--region")),
        a.option(FORMAT).map(BackupFormat::of).orElse(BackupFormat.AUTO),
        createTable(a),
        a.option(MAX_BAD_RECORDS)
            .map(ImportArguments::maxBadRecords)
            .map(OptionalInt::of)
            .orElse(OptionalInt.empty()),
        a.option(REJECTS_DIR).map(d -> nonBlank(d, "--rejects-dir")),
        a.flag(ALLOW_PARTIAL_ITEMS),
        a.flag(ALLOW_NO_MANIFEST),
        a.flag(RESUME),
        a.option(PROGRESS_DIR).map(d -> nonBlank(d, "--progress-dir")),
        PlanRequest.from(a),
        a.flag(SKIP_EXPIRED),
        false);
  }

  /** The usage text, ending with a line break. */
  public static String usage() {
    return USAGE;
  }

  /**
   * Sets the destination table and every option given; what was not given is left to the
   * configuration ({@code -D}) and the library's defaults.
   */
  @Override
  public void applyTo(Configuration conf) {
    if (help) {
      throw new IllegalStateException("--help names no import to configure");
    }
    conf.set(DdbioKeys.OUTPUT_TABLE.name(), table);
    writeRatio.ifPresent(r -> conf.set(DdbioKeys.WRITE_PERCENT.name(), Double.toString(r)));
    writeUnits.ifPresent(u -> conf.set(DdbioKeys.WRITE_UNITS.name(), Double.toString(u)));
    endpoint.ifPresent(e -> conf.set(DdbioKeys.ENDPOINT.name(), e));
    region.ifPresent(r -> conf.set(DdbioKeys.REGION.name(), r));
    maxBadRecords.ifPresent(n -> conf.setInt(DdbioKeys.MAX_BAD_RECORDS.name(), n));
    rejectsDir.ifPresent(d -> conf.set(DdbioKeys.REJECTS_DIR.name(), d));
    progressDir.ifPresent(d -> conf.set(DdbioKeys.IMPORT_PROGRESS_DIR.name(), d));
  }

  private static Optional<TableCreation> createTable(Arguments a) {
    Optional<String> read = a.option(CREATE_READ_UNITS);
    Optional<String> write = a.option(CREATE_WRITE_UNITS);
    if (!a.flag(CREATE_TABLE)) {
      if (read.isPresent() || write.isPresent()) {
        throw new UsageException(
            "--"
                + (read.isPresent() ? CREATE_READ_UNITS : CREATE_WRITE_UNITS)
                + " sets the capacity of a table --create-table creates; give --create-table too");
      }
      return Optional.empty();
    }
    return Optional.of(
        new TableCreation(
            read.map(v -> units(v, CREATE_READ_UNITS)).orElse(0L),
            write.map(v -> units(v, CREATE_WRITE_UNITS)).orElse(0L)));
  }

  private static long units(String value, String option) {
    return Arguments.integerAtLeast(value, "--" + option, 1);
  }

  private static int maxBadRecords(String value) {
    int n = Arguments.integer(value, "--max-bad-records");
    if (n < 0) {
      throw new UsageException("--max-bad-records must be 0 or more, was " + value);
    }
    return n;
  }

  private static String endpoint(String value) {
    if (!Arguments.isHttpUrl(value)) {
      throw new UsageException(
          "--endpoint must be an http(s) URL such as http://127.0.0.1:8000, was \"" + value + "\"");
    }
    return value;
  }

  private static String nonBlank(String value, String what) {
    if (value.isBlank()) {
      throw new UsageException(what + " is empty");
    }
    return value;
  }
}
