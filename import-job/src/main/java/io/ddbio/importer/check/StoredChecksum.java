package io.ddbio.importer.check;

import io.ddbio.backup.DataFileStats;
import io.ddbio.backup.ExportMetadata;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Checks a data file's SHA-256 against what the export recorded in {@code ddbio-export.json},
 * before any of its lines is read: an altered or damaged file fails its task, naming the file, with
 * none of its items written. Never skippable. The file is read twice (here, then line by line); an
 * import waits on DynamoDB's writes far longer than on reading.
 */
public final class StoredChecksum {
  /** Internal: where the backup's {@code ddbio-export.json} is, set by the tool for the tasks. */
  static final String METADATA_KEY = "ddbio.import.metadata";

  private StoredChecksum() {}

  /** Tells the tasks where the recorded checksums are. */
  public static void configure(Configuration conf, Path metadata) {
    conf.set(METADATA_KEY, metadata.toString());
  }

  /**
   * Verifies {@code file} when the backup records its checksum; does nothing otherwise.
   *
   * @param progress called after every buffer read: digesting a large file can take longer than the
   *     task timeout, and the task reports nothing else meanwhile
   * @throws IOException naming the file when its bytes differ from the recorded checksum
   */
  public static void verify(Path file, Configuration conf, Runnable progress) throws IOException {
    String where = conf.get(METADATA_KEY);
    if (where == null) {
      return;
    }
    Path metadataPath = new Path(where);
    ExportMetadata metadata;
    try (InputStream in = metadataPath.getFileSystem(conf).open(metadataPath)) {
      metadata = ExportMetadata.read(in, where);
    }
    String expected = null;
    for (DataFileStats f : metadata.files()) {
      if (f.name().equals(file.getName())) {
        expected = f.sha256();
      }
    }
    if (expected == null || expected.isBlank()) {
      return; // not recorded (a hand-made metadata file): nothing to compare with
    }
    String actual = sha256(file.getFileSystem(conf), file, progress);
    if (!actual.equalsIgnoreCase(expected)) {
      throw new IOException(
          file
              + ": its SHA-256 is "
              + actual
              + " but "
              + ExportMetadata.FILE_NAME
              + " records "
              + expected
              + "; the file was altered or damaged after the export, so none of its items were"
              + " written");
    }
  }

  static String sha256(FileSystem fs, Path file, Runnable progress) throws IOException {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
    byte[] buffer = new byte[64 * 1024];
    try (InputStream in = fs.open(file)) {
      for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
        digest.update(buffer, 0, n);
        progress.run();
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }
}
