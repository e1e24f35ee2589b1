package io.ddbio.export.verify.table;

import io.ddbio.backup.ExportSelection;
import io.ddbio.capacity.CapacityBudget;
import io.ddbio.capacity.TaskRates;
import io.ddbio.config.DdbioKeys;
import io.ddbio.config.DdbioOptions;
import io.ddbio.config.ScanExpressions;
import io.ddbio.config.ScanOptions;
import io.ddbio.dynamodb.DynamoDBSession;
import io.ddbio.dynamodb.KeyAttribute;
import io.ddbio.dynamodb.TableInfo;
import io.ddbio.export.verify.VerifyReport;
import io.ddbio.export.verify.backup.BackupItems;
import io.ddbio.export.verify.backup.BackupVerifier;
import io.ddbio.export.verify.backup.FileCheck;
import io.ddbio.metrics.CounterSink;
import io.ddbio.scan.ScanSpec;
import io.ddbio.scan.SegmentPlanner;
import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * Compares a verified backup with a live table: the table's exact item count ({@link TableCounter})
 * and, when asked, its items ({@link TableItemsCheck}). A partial export is compared with the same
 * part of the table: its filter is applied to the count and its projection and filter to the scan.
 * Both scans share one read budget, {@code dynamodb.throughput.read.percent} of the table's
 * capacity, like an export's.
 */
public final class TableVerifier implements Closeable {
  /** Segments scanned at once: enough to keep a moderate budget busy from one machine. */
  private static final int THREADS = 8;

  private final DynamoDBSession session;
  private final TableInfo table;
  private final ScanOptions scan;
  private final CapacityBudget budget;
  private final int segments;

  private TableVerifier(
      DynamoDBSession session, TableInfo table, ScanOptions scan, CapacityBudget budget) {
    this.session = session;
    this.table = table;
    this.scan = scan;
    this.budget = budget;
    this.segments =
        scan.segments()
            .orElse(SegmentPlanner.totalSegments(table.sizeBytes(), budget.rate(), THREADS));
  }

  /**
   * Describes the table ({@code dynamodb.input.tableName}) and sets up the read budget.
   *
   * @throws IllegalArgumentException for an invalid setting, or an on-demand table without {@code
   *     dynamodb.throughput.read}
   * @throws IOException when the table cannot be described (naming it when it does not exist)
   */
  public static TableVerifier open(DdbioOptions options) throws IOException {
    ScanOptions scan = options.scan();
    DynamoDBSession session = DynamoDBSession.open(options, CounterSink.NONE);
    try {
      TableInfo table = TableInfo.describe(session.client(), session.retrier(), scan.table());
      double units =
          TaskRates.tableUnits(
              table, table.readUnits(), scan.throughput(), DdbioKeys.READ_UNITS.name());
      double rate = units * scan.throughput().percent();
      return new TableVerifier(
          session,
          table,
          scan,
          new CapacityBudget(rate, Duration.ofSeconds(1), session.clock(), session.sleeper()));
    } catch (IOException | RuntimeException e) {
      session.close();
      throw e;
    }
  }

  /** The table's key attribute names, partition key first. */
  public List<String> keyNames() {
    return table.keys().stream().map(KeyAttribute::name).toList();
  }

  /** Counts the table (the part the backup selected) and compares with the backup's count. */
  public void compareCount(BackupVerifier.Result backup, VerifyReport report) throws IOException {
    backup
        .tableName()
        .filter(name -> !name.equals(table.name()))
        .ifPresent(
            name ->
                report.note(
                    "the backup is of table \""
                        + name
                        + "\", compared with \""
                        + table.name()
                        + "\""));
    ScanExpressions e = selection(backup);
    long count =
        TableCounter.count(
            session,
            budget,
            table.id(),
            e.filter().orElse(null),
            e.names(),
            e.values(),
            segments,
            THREADS,
            scan.pageLimit(),
            table.averageItemBytes(1024));
    String what = e.filter().isPresent() ? "items meeting the export's filter" : "items";
    String counted =
        "table \""
            + table.name()
            + "\" holds "
            + FileCheck.count(count)
            + " "
            + what
            + " (counted by a parallel Scan, Select=COUNT)";
    if (backup.items().isEmpty()) {
      report.note(counted + "; the backup's count is unknown");
    } else if (backup.items().getAsLong() == count) {
      report.ok(counted + ", as many as the backup");
    } else {
      report.problem(
          counted
              + ", the backup "
              + FileCheck.count(backup.items().getAsLong())
              + backup
                  .endTime()
                  .map(t -> "; the table may have changed since the export ended at " + t)
                  .orElse(""));
    }
  }

  /** Scans the table (the part the backup selected) and compares its items with {@code items}. */
  public void compareItems(BackupVerifier.Result backup, BackupItems items, VerifyReport report)
      throws IOException {
    ScanExpressions e = selection(backup);
    ScanSpec spec =
        new ScanSpec(
            table.id(), scan.consistentRead(), e.projection(), e.filter(), e.names(), e.values());
    TableItemsCheck.compare(
        session,
        budget,
        spec,
        segments,
        THREADS,
        scan.pageLimit(),
        table.averageItemBytes(1024),
        items,
        report);
  }

  private static ScanExpressions selection(BackupVerifier.Result backup) {
    return backup.selection().map(ExportSelection::toExpressions).orElse(ScanExpressions.NONE);
  }

  @Override
  public void close() {
    session.close();
  }
}
