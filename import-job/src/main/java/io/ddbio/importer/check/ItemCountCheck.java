package io.ddbio.importer.check;

import io.ddbio.backup.ExportMetadata;
import io.ddbio.metrics.DdbioCounter;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.ToLongFunction;

/**
 * The import's last word: every item read was written, and as many were read, plus those set aside
 * as bad records, as the export recorded (when it recorded any).
 *
 * @param itemsRead items decoded from the data files and handed to the writer
 * @param itemsWritten items DynamoDB accepted
 * @param badRecords records set aside as bad (each a non-blank line, as an item is)
 * @param expired items left out as expired ({@code --skip-expired})
 * @param expected items the export's metadata records, if it has metadata
 */
public record ItemCountCheck(
    long itemsRead, long itemsWritten, long badRecords, long expired, OptionalLong expected) {

  /** The check of a finished job's counters against the backup's metadata. */
  public static ItemCountCheck of(
      ToLongFunction<DdbioCounter> counters, Optional<ExportMetadata> metadata) {
    return new ItemCountCheck(
        counters.applyAsLong(DdbioCounter.ITEMS_READ),
        counters.applyAsLong(DdbioCounter.ITEMS_WRITTEN),
        counters.applyAsLong(DdbioCounter.BAD_RECORDS),
        counters.applyAsLong(DdbioCounter.ITEMS_EXPIRED),
        metadata.map(m -> OptionalLong.of(m.itemCount())).orElse(OptionalLong.empty()));
  }

  /** What is wrong, naming the numbers; empty when the counts agree. */
  public Optional<String> problem() {
    if (itemsRead != itemsWritten) {
      return Optional.of(
          "Items read ("
              + itemsRead
              + ") and items written ("
              + itemsWritten
              + ") differ; the table may be incomplete");
    }
    if (expected.isPresent() && expected.getAsLong() != itemsRead + badRecords + expired) {
      return Optional.of(
          ExportMetadata.FILE_NAME
              + " records "
              + expected.getAsLong()
              + " items, but "
              + itemsRead
              + " were read from the data files"
              + (badRecords > 0 ? " and " + badRecords + " set aside as bad records" : "")
              + (expired > 0 ? " and " + expired + " left out as expired" : ""));
    }
    return Optional.empty();
  }
}
