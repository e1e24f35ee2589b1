package io.ddbio.export.layout;

import io.ddbio.backup.DataFileStats;
import io.ddbio.backup.ExportMetadata;
import io.ddbio.backup.ExportSelection;
import io.ddbio.backup.ScanRun;
import io.ddbio.backup.TableSchema;
import io.ddbio.export.commit.WrittenFile;
import io.ddbio.item.Expiry;
import io.ddbio.tool.Version;
import java.time.Instant;
import java.util.List;

/**
 * Everything the index files of a committed export are written from.
 *
 * @param format how the items were written
 * @param files the published data files, in the manifests' order
 * @param schema the table as described at submit time
 * @param start when the export started
 * @param end when it was committed
 * @param compression the codec's extension ({@code .gz}), or null for plain files
 * @param selection the projection and filter of a partial export, or null for a full one
 * @param target the native export's id and table identity; null unless {@code format} is {@link
 *     ExportFormat#DYNAMODB_JSON}
 * @param runs what each run of a resumed export read and when, or null for an export read in one
 *     run
 * @param expiredLeftOut the rule that left out expired items ({@code --skip-expired}), or null
 */
public record CommittedExport(
    ExportFormat format,
    List<WrittenFile> files,
    TableSchema schema,
    Instant start,
    Instant end,
    String compression,
    ExportSelection selection,
    NativeExportTarget target,
    List<ScanRun> runs,
    Expiry expiredLeftOut) {

  public CommittedExport {
    files = List.copyOf(files);
    runs = runs == null ? null : List.copyOf(runs);
    if ((format == ExportFormat.DYNAMODB_JSON) != (target != null)) {
      throw new IllegalArgumentException("a native export target goes with the native format only");
    }
  }

  public long itemCount() {
    return files.stream().mapToLong(f -> f.stats().items()).sum();
  }

  long byteCount() {
    return files.stream().mapToLong(f -> f.stats().bytes()).sum();
  }

  /** {@code ddbio-export.json}'s content. */
  public ExportMetadata metadata() {
    List<DataFileStats> stats = files.stream().map(WrittenFile::stats).toList();
    return new ExportMetadata(
        ExportMetadata.FORMAT,
        ExportMetadata.FORMAT_VERSION,
        Version.get(),
        format.dataFormat(),
        compression,
        schema,
        start.toString(),
        end.toString(),
        itemCount(),
        byteCount(),
        stats,
        selection,
        runs,
        expiredLeftOut);
  }
}
