package io.ddbio.export;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The table that ends an export of several tables, after each table's own summary: a row per table
 * (status, items, duration, output directory), a total row, and then why each failed table failed,
 * so that the end of the output says it all.
 *
 * <pre>
 * Export of 3 tables: 2 succeeded, 1 failed
 *   table         status     items  duration  output
 *   Orders        SUCCEEDED    300     4.1 s  file:/tmp/backups/Orders
 *   Customers     SUCCEEDED    200     4.0 s  file:/tmp/backups/Customers
 *   NoSuchTable   FAILED         -     0.2 s  file:/tmp/backups/NoSuchTable
 *   total         1 FAILED     500     4.3 s
 * Failed:
 *   NoSuchTable: Export of table "NoSuchTable" to … failed: …
 * </pre>
 *
 * The total's items are those of every table, failed or not (a failed table's items are what its
 * job read before it failed); its duration is the wall-clock time of the whole run, the exports
 * having run at the same time.
 *
 * @param outcomes each table's, in the command line's order
 * @param duration the time from the first export's start to the last one's end
 */
record SeveralExportsSummary(List<TableExport.Outcome> outcomes, Duration duration) {

  /** Whether every table's export succeeded. */
  boolean allSucceeded() {
    return outcomes.stream().allMatch(TableExport.Outcome::succeeded);
  }

  /** The summary, ending with a line break. */
  String render() {
    long failed = outcomes.stream().filter(o -> !o.succeeded()).count();
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"table", "status", "items", "duration", "output"});
    long items = 0;
    for (TableExport.Outcome o : outcomes) {
      rows.add(
          new String[] {
            o.table(),
            o.succeeded() ? "SUCCEEDED" : "FAILED",
            o.items() < 0 ? "-" : String.format(Locale.ROOT, "%,d", o.items()),
            seconds(o.duration()),
            o.outputDir()
          });
      items += Math.max(0, o.items());
    }
    rows.add(
        new String[] {
          "total",
          failed == 0 ? "SUCCEEDED" : failed + " FAILED",
          String.format(Locale.ROOT, "%,d", items),
          seconds(duration),
          ""
        });
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            Locale.ROOT,
            "Export of %d tables: %d succeeded, %d failed%n",
            outcomes.size(),
            outcomes.size() - failed,
            failed));
    int[] widths = new int[4];
    for (String[] row : rows) {
      for (int c = 0; c < widths.length; c++) {
        widths[c] = Math.max(widths[c], row[c].length());
      }
    }
    for (String[] row : rows) {
      // Names left-aligned, figures right-aligned; the output path last, as long as it is.
      String line =
          String.format(
              Locale.ROOT,
              "  %-" + widths[0] + "s  %-" + widths[1] + "s  %" + widths[2] + "s  %" + widths[3]
                  + "s  %s",
              (Object[]) row);
      sb.append(line.stripTrailing()).append(System.lineSeparator());
    }
    if (failed > 0) {
      sb.append("Failed:").append(System.lineSeparator());
      for (TableExport.Outcome o : outcomes) {
        if (!o.succeeded()) {
          sb.append("  ")
              .append(o.table())
              .append(": ")
              .append(o.problem())
              .append(System.lineSeparator());
        }
      }
    }
    return sb.toString();
  }

  private static String seconds(Duration d) {
    return String.format(Locale.ROOT, "%,.1f s", d.toMillis() / 1000.0);
  }
}
