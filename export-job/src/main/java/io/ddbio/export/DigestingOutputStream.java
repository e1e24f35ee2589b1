package io.ddbio.export;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Passes bytes through to the file system's stream while counting them and computing their SHA-256.
 * It sits directly on the file's stream, under any compression, so the count and the digest are
 * those of the bytes stored.
 */
final class DigestingOutputStream extends FilterOutputStream {
  private final MessageDigest sha256;
  private long count;
  private String hex;

  DigestingOutputStream(OutputStream stored) {
    super(stored);
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      // Every Java platform must provide SHA-256.
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  @Override
  public void write(int b) throws IOException {
    out.write(b);
    sha256.update((byte) b);
    count++;
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    // FilterOutputStream would pass the array on one byte at a time.
    out.write(b, off, len);
    sha256.update(b, off, len);
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
    if (hex == null) {
      hex = HexFormat.of().formatHex(sha256.digest());
    }
    return hex;
  }
}
