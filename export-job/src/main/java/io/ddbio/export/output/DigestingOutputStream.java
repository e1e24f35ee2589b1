package io.ddbio.export.output;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Passes bytes through to the file system's stream while counting them and computing their SHA-256
 * (recorded in {@code ddbio-export.json}) and MD5 (what a native export's {@code
 * manifest-files.json} and S3's ETag carry). It sits directly on the file's stream, under any
 * compression, so the count and the digests are those of the bytes stored.
 */
final class DigestingOutputStream extends FilterOutputStream {
  private final MessageDigest sha256 = digest("SHA-256");
  private final MessageDigest md5 = digest("MD5");
  private long count;
  private String sha256Hex;
  private String md5Hex;

  DigestingOutputStream(OutputStream stored) {
    super(stored);
  }

  private static MessageDigest digest(String algorithm) {
    try {
      return MessageDigest.getInstance(algorithm);
    } catch (NoSuchAlgorithmException e) {
      // Every Java platform must provide SHA-256 and MD5.
      throw new IllegalStateException(algorithm + " is not available", e);
    }
  }

  @Override
  public void write(int b) throws IOException {
    out.write(b);
    sha256.update((byte) b);
    md5.update((byte) b);
    count++;
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    // FilterOutputStream would pass the array on one byte at a time.
    out.write(b, off, len);
    sha256.update(b, off, len);
    md5.update(b, off, len);
    count += len;
  }

  /** Bytes written so far. */
  long count() {
    return count;
  }

  /**
   * Lower-case hex SHA-256 of everything written; ends the digest, so call it once writing ends.
   */
  String sha256Hex() {
    if (sha256Hex == null) {
      sha256Hex = HexFormat.of().formatHex(sha256.digest());
    }
    return sha256Hex;
  }

  /** Lower-case hex MD5 of everything written; ends the digest, so call it once writing ends. */
  String md5Hex() {
    if (md5Hex == null) {
      md5Hex = HexFormat.of().formatHex(md5.digest());
    }
    return md5Hex;
  }
}
