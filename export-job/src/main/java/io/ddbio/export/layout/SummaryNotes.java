package io.ddbio.export.layout;

import io.ddbio.backup.ExportMetadata;
import io.ddbio.backup.ExportSelection;
import io.ddbio.config.ScanExpressions;
import io.ddbio.export.ExportJobConf;
import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * The lines a successful export adds below its summary: where its data is, and what it left out.
 */
public final class SummaryNotes {
  private SummaryNotes() {}

  /**
   * Where a native export's data is, and a reminder that a selective export is partial: the notes
   * of the export of {@code jobConf} into {@code out}, one per line; empty when there are none.
   */
  public static String of(Configuration jobConf, Path out, ScanExpressions selection)
      throws IOException {
    StringBuilder sb = new StringBuilder();
    if (ExportJobConf.format(jobConf) == ExportFormat.DYNAMODB_JSON) {
      String id = ExportJobConf.nativeTarget(jobConf).exportId();
      sb.append("  native layout:             ")
          .append(new Path(out, NativeLayout.exportDir(id)))
          .append('\n');
      String scheme = out.toUri().getScheme();
      if (scheme != null && scheme.startsWith("s3")) {
        sb.append("  for Import from S3:        bucket ")
            .append(NativeLayout.bucket(out))
            .append(", key prefix ")
            .append(NativeLayout.key(out, NativeLayout.exportDir(id) + "/data/"))
            .append('\n');
      }
    }
    ExportSelection.of(selection)
        .ifPresent(
            s ->
                sb.append("  partial export:            ")
                    .append(s.describe())
                    .append(" (recorded in ")
                    .append(ExportMetadata.FILE_NAME)
                    .append(")\n"));
    return sb.toString();
  }
}
