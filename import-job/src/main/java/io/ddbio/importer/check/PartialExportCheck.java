package io.ddbio.importer.check;

import io.ddbio.backup.ExportMetadata;
import io.ddbio.backup.ExportSelection;
import java.io.IOException;
import java.util.Optional;

/**
 * Guards a restore from a partial export. An import replaces every item whose key it writes, so
 * restoring an export taken with a projection would replace each item in the table with the few
 * attributes the projection kept: attributes lost with no error anywhere. That is refused unless
 * the user says it is what they want. A filtered export holds whole items, only fewer of them;
 * restoring it is safe, but it is not a full backup, so it is said.
 */
public final class PartialExportCheck {
  private PartialExportCheck() {}

  /**
   * Checks a backup's recorded selection.
   *
   * @param metadata the backup's {@code ddbio-export.json}, if it has one
   * @param allowPartialItems whether {@code --allow-partial-items} was given
   * @return a warning to print when the backup is partial and may be imported
   * @throws IOException when the backup was exported with a projection and {@code
   *     allowPartialItems} is false
   */
  public static Optional<String> check(Optional<ExportMetadata> metadata, boolean allowPartialItems)
      throws IOException {
    Optional<ExportSelection> selection = metadata.map(ExportMetadata::selection);
    if (selection.isEmpty()) {
      return Optional.empty();
    }
    ExportSelection s = selection.get();
    if (s.projection() != null) {
      if (!allowPartialItems) {
        throw new IOException(
            "This backup was exported with a projection ("
                + s.describe()
                + "): its items hold only some of their attributes, and importing them would"
                + " replace whole items in the table with those parts. Give --allow-partial-items"
                + " to import it all the same");
      }
      return Optional.of(
          "Warning: importing a partial export ("
              + s.describe()
              + "); each item written replaces the table's item with the same key, attributes"
              + " the projection left out included");
    }
    return Optional.of(
        "Note: this backup holds only the items that met its export's "
            + s.describe()
            + "; items the filter left out are not restored");
  }
}
