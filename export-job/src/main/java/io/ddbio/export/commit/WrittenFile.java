package io.ddbio.export.commit;

import io.ddbio.backup.DataFileStats;
import java.util.Base64;
import java.util.HexFormat;

/**
 * What a task reports of the data file it wrote, from its task to the job commit: the {@link
 * DataFileStats} that {@code ddbio-export.json} records, and the MD5 that a native export's {@code
 * manifest-files.json} records.
 *
 * @param stats name (the path below the export directory), items, stored bytes, SHA-256
 * @param md5Hex lower-case hex MD5 of the stored bytes
 */
public record WrittenFile(DataFileStats stats, String md5Hex) {

  /**
   * The path below the export directory: {@code <name>} or {@code AWSDynamoDB/<id>/data/<name>}.
   */
  public String name() {
    return stats.name();
  }

  /** The MD5 in base64, as {@code manifest-files.json}'s {@code md5Checksum} holds it. */
  public String md5Base64() {
    return Base64.getEncoder().encodeToString(HexFormat.of().parseHex(md5Hex));
  }
}
