package io.ddbio.export.verify.table;

import io.ddbio.capacity.CapacityBudget;
import io.ddbio.dynamodb.DynamoDBSession;
import io.ddbio.export.verify.VerifyReport;
import io.ddbio.export.verify.backup.BackupItems;
import io.ddbio.export.verify.backup.FileCheck;
import io.ddbio.metrics.CounterSink;
import io.ddbio.parallel.InParallel;
import io.ddbio.scan.PageSizer;
import io.ddbio.scan.ScanSpec;
import io.ddbio.scan.SegmentScanner;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Compares a table's items with a backup's ({@code verify --items}): scans the table in parallel
 * segments, with the backup's projection and filter when it has them, and takes each item's
 * counterpart out of {@link BackupItems}. What is left in either is missing from the other.
 */
final class TableItemsCheck {
  private static final int EXAMPLES = 3;

  private TableItemsCheck() {}

  /** What one segment found. */
  private record Found(
      long items,
      long equal,
      List<String> notInBackup,
      long notInBackupCount,
      List<String> different,
      long differentCount) {}

  /**
   * Retries: throttling and transient faults, through the session's retrier.
   *
   * @param spec the table and the projection and filter to scan with
   */
  static void compare(
      DynamoDBSession session,
      CapacityBudget budget,
      ScanSpec spec,
      int segments,
      int threads,
      int pageLimit,
      double averageItemBytes,
      BackupItems backup,
      VerifyReport report)
      throws IOException {
    long inBackup = backup.size();
    List<Found> found =
        InParallel.map(
            InParallel.range(segments),
            threads,
            "scanning",
            segment -> {
              SegmentScanner scanner =
                  new SegmentScanner(
                      session.client(),
                      session.retrier(),
                      budget,
                      new PageSizer(pageLimit, averageItemBytes, spec.consistentRead()),
                      CounterSink.NONE,
                      session.clock(),
                      spec,
                      segment,
                      segments);
              return scan(scanner, backup);
            });
    long items = found.stream().mapToLong(Found::items).sum();
    long equal = found.stream().mapToLong(Found::equal).sum();
    long notInBackup = found.stream().mapToLong(Found::notInBackupCount).sum();
    long different = found.stream().mapToLong(Found::differentCount).sum();
    List<Map<String, AttributeValue>> notInTable = backup.remainingKeys();

    if (notInBackup == 0 && different == 0 && notInTable.isEmpty()) {
      report.ok(
          "the table's "
              + FileCheck.count(items)
              + " items equal the backup's "
              + FileCheck.count(inBackup)
              + ", one for one");
      return;
    }
    report.note("items equal in the table and the backup: " + FileCheck.count(equal));
    problemIfAny(
        report,
        "items of the table not in the backup",
        notInBackup,
        found.stream().flatMap(f -> f.notInBackup().stream()));
    problemIfAny(
        report,
        "items of the backup not in the table",
        notInTable.size(),
        notInTable.stream().map(TableItemsCheck::key));
    problemIfAny(
        report,
        "items that differ between the table and the backup",
        different,
        found.stream().flatMap(f -> f.different().stream()));
  }

  /** Reports {@code count} items of a kind, with a few of them, if there are any. */
  private static void problemIfAny(
      VerifyReport report, String what, long count, Stream<String> examples) {
    if (count > 0) {
      report.problem(what + ": " + FileCheck.count(count) + ", e.g. " + examples(examples));
    }
  }

  private static Found scan(SegmentScanner scanner, BackupItems backup) throws IOException {
    long items = 0;
    long equal = 0;
    long notInBackupCount = 0;
    long differentCount = 0;
    List<String> notInBackup = new ArrayList<>();
    List<String> different = new ArrayList<>();
    while (!scanner.isDone()) {
      for (Map<String, AttributeValue> item : scanner.nextPage()) {
        items++;
        Map<String, AttributeValue> key = backup.keyOf(item);
        Map<String, AttributeValue> copy = key == null ? null : backup.remove(key);
        if (copy == null) {
          notInBackupCount++;
          if (notInBackup.size() < EXAMPLES) {
            notInBackup.add(key == null ? "an item without its key" : key(key));
          }
          continue;
        }
        String d = ItemDifference.of(copy, item);
        if (d == null) {
          equal++;
        } else {
          differentCount++;
          if (different.size() < EXAMPLES) {
            different.add(key(key) + ": " + d);
          }
        }
      }
    }
    return new Found(items, equal, notInBackup, notInBackupCount, different, differentCount);
  }

  private static String examples(Stream<String> all) {
    return all.limit(EXAMPLES).collect(Collectors.joining("; "));
  }

  /** A key for people: {@code pk="a#1", sk=3}. */
  static String key(Map<String, AttributeValue> key) {
    return key.entrySet().stream()
        .map(e -> e.getKey() + "=" + scalar(e.getValue()))
        .collect(Collectors.joining(", "));
  }

  private static String scalar(AttributeValue v) {
    if (v.s() != null) {
      return '"' + v.s() + '"';
    }
    if (v.n() != null) {
      return v.n();
    }
    if (v.b() != null) {
      return "b64:" + Base64.getEncoder().encodeToString(v.b().asByteArrayUnsafe());
    }
    return v.toString();
  }
}
