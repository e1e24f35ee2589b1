package io.ddbio.importer.check;

import io.ddbio.backup.NativeExportManifest;
import io.ddbio.metrics.DdbioCounter;
import java.util.Optional;
import java.util.function.ToLongFunction;

/**
 * The last word on a native export's import: every line read became a write DynamoDB accepted (a
 * put or a delete), and as many were read as {@code manifest-summary.json} records. Each file's own
 * count was already checked by its task ({@link DataFileCheck}).
 *
 * @param read items and changes decoded from the data files
 * @param written puts DynamoDB accepted
 * @param deleted deletes DynamoDB accepted
 * @param expired items left out as expired ({@code --skip-expired})
 * @param expected the summary's item count
 */
public record NativeCountCheck(long read, long written, long deleted, long expired, long expected) {

  /** The check of a finished job's counters against the export's summary. */
  public static NativeCountCheck of(ToLongFunction<DdbioCounter> counters, long expected) {
    return new NativeCountCheck(
        counters.applyAsLong(DdbioCounter.ITEMS_READ),
        counters.applyAsLong(DdbioCounter.ITEMS_WRITTEN),
        counters.applyAsLong(DdbioCounter.ITEMS_DELETED),
        counters.applyAsLong(DdbioCounter.ITEMS_EXPIRED),
        expected);
  }

  /** What is wrong, naming the numbers; empty when the counts agree. */
  public Optional<String> problem() {
    if (read != written + deleted) {
      return Optional.of(
          "Items read ("
              + read
              + ") and items written ("
              + written
              + ") plus deleted ("
              + deleted
              + ") differ; the table may be incomplete");
    }
    if (read + expired != expected) {
      return Optional.of(
          NativeExportManifest.SUMMARY
              + " records "
              + expected
              + " items, but "
              + read
              + " were read from the data files"
              + (expired > 0 ? " and " + expired + " left out as expired" : ""));
    }
    return Optional.empty();
  }
}
