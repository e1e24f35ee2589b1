package io.ddbio.export.layout;

import io.ddbio.backup.NativeExportManifest;
import io.ddbio.backup.NativeExportManifest.FileEntry;
import io.ddbio.backup.NativeExportManifest.SummaryFields;
import java.io.IOException;
import java.io.OutputStream;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The files a native export holds beside its data, written at job commit in this order: {@code
 * _started}, {@code manifest-files.json} (one line per data file: items, base64 MD5, hex MD5 as the
 * ETag, key) and {@code manifest-summary.json} (totals, times, bucket, prefix, where the file list
 * is). Keys follow {@link NativeLayout}.
 *
 * <p>{@code billedSizeBytes} is 0: a native export is billed by the table's size, this one by the
 * read capacity its scan consumed, which the job's summary reports.
 */
final class NativeManifests {
  private NativeManifests() {}

  static void write(FileSystem fs, Path out, CommittedExport export) throws IOException {
    NativeExportTarget target = export.target();
    Path dir = new Path(out, NativeLayout.exportDir(target.exportId()));
    fs.mkdirs(dir);
    fs.create(new Path(dir, NativeLayout.STARTED), false).close();

    List<FileEntry> entries =
        export.files().stream()
            .map(
                f ->
                    new FileEntry(
                        NativeLayout.key(out, f.name()),
                        f.stats().items(),
                        f.md5Base64(),
                        f.md5Hex()))
            .toList();
    write(fs, new Path(dir, NativeExportManifest.FILES), NativeExportManifest.renderFiles(entries));

    SummaryFields summary =
        new SummaryFields(
            target.exportArn(),
            // The native manifests give times in milliseconds.
            export.start().truncatedTo(ChronoUnit.MILLIS).toString(),
            export.end().truncatedTo(ChronoUnit.MILLIS).toString(),
            target.tableArn(),
            target.tableId(),
            NativeLayout.bucket(out),
            NativeLayout.prefix(out),
            NativeLayout.key(
                out, NativeLayout.exportDir(target.exportId()) + "/" + NativeExportManifest.FILES),
            0,
            export.itemCount());
    write(
        fs,
        new Path(dir, NativeExportManifest.SUMMARY),
        NativeExportManifest.renderSummary(summary));
  }

  private static void write(FileSystem fs, Path path, byte[] bytes) throws IOException {
    try (OutputStream o = fs.create(path, false)) {
      o.write(bytes);
    }
  }
}
