package io.ddbio.export.commit;

import io.ddbio.backup.DataPipelineManifest;
import io.ddbio.backup.ExportMetadata;
import io.ddbio.backup.NativeExportManifest;
import io.ddbio.export.layout.ExportIndexFiles;
import io.ddbio.export.layout.NativeLayout;
import java.io.IOException;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapreduce.lib.output.FileOutputCommitter;

/**
 * Takes back an export that failed, whether its job failed or the job succeeded and the final count
 * check did not: its output directory did not exist before this export, so all of it goes. Data
 * Pipeline retries a failed step on the same path, which only a removed directory allows.
 *
 * <p>The files that say "complete" go first, in the reverse of the order they were written ({@link
 * ExportIndexFiles}): {@code _SUCCESS}, then {@code ddbio-export.json}, then the manifests. On S3 a
 * recursive delete is many requests and can stop half-way; whatever it leaves must not look like a
 * backup to Data Pipeline's importer, a scheduler waiting for {@code _SUCCESS}, or ours.
 */
public final class ExportWithdrawal {
  private ExportWithdrawal() {}

  /** Removes {@code out}, the index files first. */
  public static void withdraw(FileSystem fs, Path out) throws IOException {
    if (!fs.exists(out)) {
      return;
    }
    fs.delete(new Path(out, FileOutputCommitter.SUCCEEDED_FILE_NAME), false);
    fs.delete(new Path(out, ExportMetadata.FILE_NAME), false);
    fs.delete(new Path(out, DataPipelineManifest.FILE_NAME), false);
    Path exports = new Path(out, NativeLayout.ROOT);
    if (fs.exists(exports)) {
      for (FileStatus export : fs.listStatus(exports)) {
        fs.delete(new Path(export.getPath(), NativeExportManifest.SUMMARY), false);
        fs.delete(new Path(export.getPath(), NativeExportManifest.FILES), false);
      }
    }
    if (!fs.delete(out, true) && fs.exists(out)) {
      throw new IOException("Could not remove " + out);
    }
  }
}
