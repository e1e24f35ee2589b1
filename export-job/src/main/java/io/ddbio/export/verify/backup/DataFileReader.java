package io.ddbio.export.verify.backup;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.compress.CompressionCodec;

/**
 * Reads one data file once, from its first stored byte to its last: the stored bytes' count,
 * SHA-256 and MD5, and, through the codec when there is one, its lines. Memory is a buffer and the
 * longest line (only when lines are wanted).
 */
final class DataFileReader {
  private static final int BUFFER = 64 * 1024;

  private DataFileReader() {}

  /** Receives each line, without its {@code \n}. */
  @FunctionalInterface
  interface LineSink {
    /**
     * @param lineNumber 1 for the first line
     */
    void line(byte[] buf, int off, int len, long lineNumber);
  }

  /**
   * What reading found.
   *
   * @param bytes stored bytes
   * @param sha256Hex hex SHA-256 of the stored bytes
   * @param md5Hex hex MD5 of the stored bytes
   * @param lines lines, counting a last line without {@code \n}
   * @param unterminated whether the content is not empty and does not end with {@code \n}
   */
  record Facts(long bytes, String sha256Hex, String md5Hex, long lines, boolean unterminated) {}

  /**
   * @param codec decompresses the file, or null for plain text
   * @param sink receives the lines, or null to count them only
   * @throws IOException when the file cannot be read or decompressed to its end
   */
  static Facts read(FileSystem fs, Path path, CompressionCodec codec, LineSink sink)
      throws IOException {
    try (DigestingInputStream stored = new DigestingInputStream(fs.open(path));
        InputStream text = codec == null ? stored : codec.createInputStream(stored)) {
      LineCounter counter = new LineCounter(sink);
      byte[] buf = new byte[BUFFER];
      for (int n; (n = text.read(buf)) != -1; ) {
        counter.feed(buf, n);
      }
      counter.finish();
      // A codec may stop at the end of its stream with bytes left behind it; they are stored
      // bytes all the same, and belong in the size and the digests.
      while (stored.read(buf) != -1) {
        // drained
      }
      return new Facts(
          stored.count, hex(stored.sha256), hex(stored.md5), counter.lines, counter.unterminated);
    }
  }

  private static String hex(MessageDigest digest) {
    return HexFormat.of().formatHex(digest.digest());
  }

  /** Counts lines and, when there is a sink, hands each one over whole. */
  private static final class LineCounter {
    private final LineSink sink;
    private byte[] line = new byte[0];
    private int length;
    private long lines;
    private boolean unterminated;

    LineCounter(LineSink sink) {
      this.sink = sink;
      if (sink != null) {
        line = new byte[BUFFER];
      }
    }

    void feed(byte[] buf, int n) {
      int start = 0;
      for (int i = 0; i < n; i++) {
        if (buf[i] == '\n') {
          lines++;
          if (sink != null) {
            append(buf, start, i - start);
            sink.line(line, 0, length, lines);
            length = 0;
          }
          start = i + 1;
        }
      }
      if (sink != null) {
        append(buf, start, n - start);
      }
      if (n > 0) {
        unterminated = buf[n - 1] != '\n';
      }
    }

    void finish() {
      if (unterminated) {
        lines++;
        if (sink != null) {
          sink.line(line, 0, length, lines);
        }
      }
    }

    private void append(byte[] buf, int off, int len) {
      if (length + len > line.length) {
        line = Arrays.copyOf(line, Math.max(line.length * 2, length + len));
      }
      System.arraycopy(buf, off, line, length, len);
      length += len;
    }
  }

  /** Counts and digests every byte read through it. */
  private static final class DigestingInputStream extends FilterInputStream {
    private final MessageDigest sha256 = digest("SHA-256");
    private final MessageDigest md5 = digest("MD5");
    private long count;

    DigestingInputStream(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      if (b >= 0) {
        sha256.update((byte) b);
        md5.update((byte) b);
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = in.read(b, off, len);
      if (n > 0) {
        sha256.update(b, off, n);
        md5.update(b, off, n);
        count += n;
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      // Skipped bytes would escape the digests; read them instead.
      byte[] buf = new byte[(int) Math.min(n, BUFFER)];
      int read = read(buf, 0, buf.length);
      return Math.max(read, 0);
    }

    @Override
    public boolean markSupported() {
      return false;
    }

    private static MessageDigest digest(String algorithm) {
      try {
        return MessageDigest.getInstance(algorithm);
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(algorithm + " is not available", e);
      }
    }
  }
}
