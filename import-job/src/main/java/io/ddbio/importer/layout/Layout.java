package io.ddbio.importer.layout;

import io.ddbio.backup.ExportMetadata;
import java.util.Optional;
import org.apache.hadoop.fs.Path;

/** What every layout of a backup tells: where it is, and our metadata when it has it. */
public sealed interface Layout permits BackupLayout, NativeExportLayout {
  /** The directory read, qualified. */
  Path directory();

  /** Our {@code ddbio-export.json}, when the backup has it: the source table's schema. */
  Optional<ExportMetadata> metadata();
}
