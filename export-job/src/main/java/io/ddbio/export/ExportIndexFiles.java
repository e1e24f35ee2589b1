package io.ddbio.export;

import io.ddbio.backup.DataFileStats;
import io.ddbio.backup.DataPipelineManifest;
import io.ddbio.backup.ExportMetadata;
import io.ddbio.backup.TableSchema;
import io.ddbio.tool.Version;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapreduce.lib.output.FileOutputCommitter;

/**
 * The files written at job commit beside the data files, in this order: the {@code manifest} (Data
 * Pipeline's index, absolute URLs), {@code ddbio-export.json} (schema, counts, checksums) and,
 * last, {@code _SUCCESS}, so whoever sees {@code _SUCCESS} finds the other two complete.
 */
final class ExportIndexFiles {
  private ExportIndexFiles() {}

  /**
   * @param files the published data files, in the manifest's order
   * @param compression the codec's extension, or null for plain files
   */
  static void write(
      FileSystem fs,
      Path out,
      List<DataFileStats> files,
      TableSchema schema,
      Instant start,
      Instant end,
      String compression)
      throws IOException {
    List<String> urls =
        files.stream().map(f -> fs.makeQualified(new Path(out, f.name())).toString()).toList();
    try (OutputStream manifest = fs.create(new Path(out, DataPipelineManifest.FILE_NAME), false)) {
      manifest.write(DataPipelineManifest.render(urls));
    }

    ExportMetadata metadata =
        new ExportMetadata(
            ExportMetadata.FORMAT,
            ExportMetadata.FORMAT_VERSION,
            Version.get(),
            ExportMetadata.DATA_PIPELINE_V3,
            compression,
            schema,
            start.toString(),
            end.toString(),
            files.stream().mapToLong(DataFileStats::items).sum(),
            files.stream().mapToLong(DataFileStats::bytes).sum(),
            files);
    try (OutputStream json = fs.create(new Path(out, ExportMetadata.FILE_NAME), false)) {
      metadata.write(json);
    }

    fs.create(new Path(out, FileOutputCommitter.SUCCEEDED_FILE_NAME), false).close();
  }
}
