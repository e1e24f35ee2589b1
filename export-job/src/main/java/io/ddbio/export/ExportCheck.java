package io.ddbio.export;

import io.ddbio.backup.DataFileStats;
import io.ddbio.backup.ExportMetadata;
import java.util.Optional;

/**
 * The last word on an export: the items the scan read, the items the metadata records and the sum
 * of the per-file counts must agree. A disagreement means items were lost or doubled between the
 * table and the files, and the export must not be trusted.
 */
final class ExportCheck {
  private ExportCheck() {}

  /**
   * @param itemsRead the job's {@code ITEMS_READ} less its {@code ITEMS_EXPIRED} (left out)
   * @return what disagrees, with the numbers, or empty when all agree
   */
  static Optional<String> problem(long itemsRead, ExportMetadata metadata) {
    long perFile = metadata.files().stream().mapToLong(DataFileStats::items).sum();
    if (itemsRead == metadata.itemCount() && metadata.itemCount() == perFile) {
      return Optional.empty();
    }
    return Optional.of(
        "item counts disagree: "
            + itemsRead
            + " read from the table, "
            + metadata.itemCount()
            + " recorded in "
            + ExportMetadata.FILE_NAME
            + ", "
            + perFile
            + " in its "
            + metadata.files().size()
            + " data files");
  }
}
