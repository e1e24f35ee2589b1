package io.ddbio.importer.progress;

import io.ddbio.metrics.DdbioCounter;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * What earlier runs of a resumed import recorded as done: how many files, and the sum of their
 * tasks' counters.
 */
public final class EarlierImports {
  /** A first run's: nothing done before it. */
  public static final EarlierImports NONE = new EarlierImports(List.of());

  private final int files;
  private final Map<DdbioCounter, Long> totals = new EnumMap<>(DdbioCounter.class);

  /** The sum of these records. */
  EarlierImports(List<ImportedFile> records) {
    this.files = records.size();
    for (ImportedFile r : records) {
      for (DdbioCounter c : DdbioCounter.values()) {
        totals.merge(c, r.count(c), Long::sum);
      }
    }
  }

  /** How many data files earlier runs imported. */
  public int files() {
    return files;
  }

  /** The earlier runs' total of {@code c}. */
  public long total(DdbioCounter c) {
    return totals.getOrDefault(c, 0L);
  }

  /**
   * This run's counts plus the earlier runs': what the whole import did, for the checks that
   * compare it with the backup's own counts.
   */
  public ToLongFunction<DdbioCounter> plus(ToLongFunction<DdbioCounter> thisRun) {
    return c -> thisRun.applyAsLong(c) + total(c);
  }

  /**
   * The summary's line of earlier work: {@code 4 of 8 files, 1,200 items written}.
   *
   * @param allFiles the backup's data files
   */
  public String describe(int allFiles) {
    String deleted =
        total(DdbioCounter.ITEMS_DELETED) > 0
            ? String.format(Locale.ROOT, ", %,d deleted", total(DdbioCounter.ITEMS_DELETED))
            : "";
    return String.format(
        Locale.ROOT,
        "%d of %d files, %,d items written%s",
        files,
        allFiles,
        total(DdbioCounter.ITEMS_WRITTEN),
        deleted);
  }
}
