package io.ddbio.export.layout;

import io.ddbio.backup.DataPipelineManifest;
import io.ddbio.backup.ExportMetadata;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapreduce.lib.output.FileOutputCommitter;

/**
 * The files written at job commit beside the data files, in this order: the format's index (Data
 * Pipeline's {@code manifest} with absolute URLs, or the native {@link NativeManifests}), then
 * {@code ddbio-export.json} (schema, counts, checksums) and, last, {@code _SUCCESS}, so whoever
 * sees {@code _SUCCESS} finds the others complete.
 *
 * <p>A native export gets no Data Pipeline {@code manifest}: it would send Data Pipeline's
 * importers to files whose lines they cannot read.
 */
public final class ExportIndexFiles {
  private ExportIndexFiles() {}

  /** What runs between the index files and {@code _SUCCESS}. */
  @FunctionalInterface
  public interface BeforeSuccess {
    void run() throws IOException;
  }

  /** Writes the index files, then {@code _SUCCESS}. */
  public static void write(FileSystem fs, Path out, CommittedExport export) throws IOException {
    write(fs, out, export, () -> {});
  }

  /**
   * Writes the index files, runs {@code beforeSuccess} (the commit removing its own records), then
   * writes {@code _SUCCESS}, so that nothing changes in the directory after it.
   */
  public static void write(
      FileSystem fs, Path out, CommittedExport export, BeforeSuccess beforeSuccess)
      throws IOException {
    switch (export.format()) {
      case DATAPIPELINE -> writeManifest(fs, out, export);
      case DYNAMODB_JSON -> NativeManifests.write(fs, out, export);
      case JSON -> {
        // Only ddbio-export.json lists the files: a manifest would invite importers.
      }
    }
    ExportMetadata metadata = export.metadata();
    try (OutputStream json = fs.create(new Path(out, ExportMetadata.FILE_NAME), false)) {
      metadata.write(json);
    }
    beforeSuccess.run();
    fs.create(new Path(out, FileOutputCommitter.SUCCEEDED_FILE_NAME), false).close();
  }

  private static void writeManifest(FileSystem fs, Path out, CommittedExport export)
      throws IOException {
    List<String> urls =
        export.files().stream()
            .map(f -> fs.makeQualified(new Path(out, f.name())).toString())
            .toList();
    try (OutputStream manifest = fs.create(new Path(out, DataPipelineManifest.FILE_NAME), false)) {
      manifest.write(DataPipelineManifest.render(urls));
    }
  }
}
