package io.ddbio.export.verify;

import io.ddbio.config.DdbioKeys;
import io.ddbio.mapreduce.DdbioTool;
import io.ddbio.tool.Arguments;
import io.ddbio.tool.TableNames;
import io.ddbio.tool.UsageException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;

/**
 * The verify command line, after Hadoop's generic options: {@code <exportDir> [--table T] [--items]
 * [--endpoint URL] [--region R] [--read-ratio R] [--read-units U] [--segments N]}. Values are
 * checked where the library reads them ({@code DdbioOptions}), so the rules are the export's.
 *
 * @param help {@code --help} was given; nothing else is read
 * @param exportDir the backup directory
 * @param table the table to compare with
 * @param items compare items, not only the count (needs a table)
 * @param settings library keys to set, from the named options
 */
record VerifyArguments(
    boolean help, String exportDir, Optional<String> table, boolean items, List<Setting> settings)
    implements DdbioTool.CommandLine {

  /** A library key and its value. */
  record Setting(String key, String value) {}

  private static final Set<String> VALUED =
      Set.of("table", "endpoint", "region", "read-ratio", "read-units", "segments");
  private static final Set<String> FLAGS = Set.of("items", "help");

  static VerifyArguments parse(String[] args) {
    for (String a : args) {
      if (a.equals("--help") || a.equals("-h")) {
        return new VerifyArguments(true, null, Optional.empty(), false, List.of());
      }
    }
    Arguments a = Arguments.parse(args, VALUED, FLAGS);
    if (a.positional().size() != 1) {
      throw new UsageException(
          a.positional().isEmpty()
              ? "Missing <exportDir>"
              : "Expected one <exportDir>, got " + String.join(" ", a.positional()));
    }
    String dir = a.positional().get(0).trim();
    if (dir.isEmpty() || (dir.startsWith("-") && dir.length() > 1)) {
      throw new UsageException("<exportDir> \"" + dir + "\" is not a directory");
    }
    Optional<String> table =
        a.option("table")
            .map(String::trim)
            .filter(t -> !t.isEmpty())
            .map(t -> TableNames.check(t, "--table"));
    if (a.flag("items") && table.isEmpty()) {
      throw new UsageException("--items compares the backup with a table: give --table T");
    }
    a.option("read-ratio").ifPresent(r -> Arguments.decimal(r, "--read-ratio"));
    a.option("read-units").ifPresent(u -> Arguments.decimal(u, "--read-units"));
    a.option("segments").ifPresent(s -> Arguments.integer(s, "--segments"));
    List<Setting> settings =
        List.of(
                setting(a, "endpoint", DdbioKeys.ENDPOINT.name()),
                setting(a, "region", DdbioKeys.REGION.name()),
                setting(a, "read-ratio", DdbioKeys.READ_PERCENT.name()),
                setting(a, "read-units", DdbioKeys.READ_UNITS.name()),
                setting(a, "segments", DdbioKeys.SCAN_SEGMENTS.name()))
            .stream()
            .flatMap(Optional::stream)
            .toList();
    return new VerifyArguments(false, dir, table, a.flag("items"), settings);
  }

  private static Optional<Setting> setting(Arguments a, String option, String key) {
    return a.option(option).map(v -> new Setting(key, v.trim()));
  }

  /** Sets the table and the options' keys in {@code conf}. */
  @Override
  public void applyTo(Configuration conf) {
    table.ifPresent(t -> conf.set(DdbioKeys.INPUT_TABLE.name(), t));
    settings.forEach(s -> conf.set(s.key(), s.value()));
  }

  static String usage() {
    return String.join(
        "\n",
        "Usage: ./ddbio verify <exportDir> [--table T [--items]] [options]",
        "       hadoop jar <export-job jar> io.ddbio.export.verify.VerifyTool <exportDir> ...",
        "",
        "Checks a backup (s3a://, hdfs://, file:, ...) against its own records: _SUCCESS; the",
        "manifest (or the native manifest-files.json and manifest-summary.json) against",
        "ddbio-export.json; every listed data file present and none unlisted; each file's size,",
        "SHA-256, MD5 and line count; the totals. Every data file is read once, whole.",
        "",
        "Options:",
        "  --table T            also count the table's items exactly (a parallel Scan with",
        "                       Select=COUNT, not DescribeTable's estimate) and compare; a",
        "                       filtered export is compared with the items meeting its filter",
        "  --items              also compare the items themselves; holds the backup's items in",
        "                       memory (about 3-4x their text size: raise DDBIO_JAVA_OPTS=-Xmx)",
        "  --endpoint URL       DynamoDB endpoint, e.g. http://127.0.0.1:8000",
        "  --region R           the table's region",
        "  --read-ratio R       share of the table's read capacity the scans use (default "
            + DdbioKeys.READ_PERCENT.defaultText()
            + ")",
        "  --read-units U       read capacity units per second the ratio applies to; required",
        "                       for on-demand tables",
        "  --segments N         parallel scan segments (default: planned)",
        "  --help               print this text",
        "",
        "Exit status: 0 all checks passed, 1 a problem was found (each is listed), 2 usage error.",
        "");
  }
}
