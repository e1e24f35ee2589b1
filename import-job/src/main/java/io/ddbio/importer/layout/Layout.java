package io.ddbio.importer.layout;

import io.ddbio.backup.ExportMetadata;
import java.util.Optional;
import org.apache.hadoop.fs.Path;

/**
 * What every layout of a backup tells: where it is, our metadata when it has it, and whether its
 * files are imported unchecked.
 */
public sealed interface Layout permits BackupLayout, NativeExportLayout {
  /** The directory read, qualified. */
  Path directory();

  /** Our {@code ddbio-export.json}, when the backup has it: the source table's schema. */
  Optional<ExportMetadata> metadata();

  /**
   * A warning to print before anything is written when the data files were found by listing alone,
   * with nothing to check them against: which files are imported, and that nobody can tell whether
   * they are all. Empty when a manifest (or our metadata) lists them.
   */
  Optional<String> uncheckedFiles();
}
