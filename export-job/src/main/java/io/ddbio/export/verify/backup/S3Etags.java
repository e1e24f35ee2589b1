package io.ddbio.export.verify.backup;

import java.util.regex.Pattern;

/**
 * What an S3 ETag, as a native export's {@code manifest-files.json} records it, says of the
 * object's bytes. A single-part upload's ETag is the hex MD5 of the bytes; a multipart upload's is
 * {@code <hex>-<parts>}, the MD5 of the parts' MD5s, which cannot be compared with the file's MD5
 * without knowing where the parts were cut. DynamoDB uploads its data files in parts, so every real
 * export carries the second kind; its {@code md5Checksum} is what checks the file.
 */
final class S3Etags {
  private static final Pattern MULTIPART = Pattern.compile("[0-9a-fA-F]{32}-[1-9][0-9]*");

  private S3Etags() {}

  /** Whether {@code etag} is a multipart upload's ({@code <hex>-<parts>}). */
  static boolean multipart(String etag) {
    return MULTIPART.matcher(unquoted(etag)).matches();
  }

  /** S3 returns ETags in double quotes; manifests may keep them. */
  private static String unquoted(String etag) {
    return etag.replace("\"", "").strip();
  }
}
