package io.ddbio.importer.check;

import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import org.apache.hadoop.fs.Path;

/**
 * Checks one data file of a native export against its line of {@code manifest-files.json}: the MD5
 * of its stored (compressed) bytes, base64 as the manifest writes it, and its number of items. Fed
 * while the file is read: the stored bytes pass through {@link #digesting}, each item is {@link
 * #counted}, and {@link #verify} compares at the end. A mismatch is never skippable.
 */
public final class DataFileCheck {
  private static final int DRAIN_BUFFER = 64 * 1024;

  private final Path file;
  private final String expectedMd5;
  private final long expectedItems;
  private final String outcome;
  private final MessageDigest md5;
  private InputStream stored;
  private long items;

  /**
   * A check of {@code file}.
   *
   * @param expectedMd5 the manifest's {@code md5Checksum}
   * @param expectedItems the manifest's {@code itemCount}
   * @param outcome what a mismatch means for the table, ending each message
   */
  public DataFileCheck(Path file, String expectedMd5, long expectedItems, String outcome) {
    this.file = file;
    this.expectedMd5 = expectedMd5;
    this.expectedItems = expectedItems;
    this.outcome = outcome;
    try {
      this.md5 = MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      // Every Java platform must provide MD5.
      throw new IllegalStateException(e);
    }
  }

  /** Wraps the stream of stored bytes so that everything read from it is digested. */
  public InputStream digesting(InputStream raw) {
    stored = new DigestInputStream(raw, md5);
    return stored;
  }

  /** Counts one item read. */
  public void counted() {
    items++;
  }

  /**
   * Digests what the reader left unread (a decompressor stops at the end of its data; anything
   * after it is stored bytes too), then compares. Call before the file is closed.
   *
   * @throws IOException naming the file, what the manifest records and what was found
   */
  public void verify() throws IOException {
    String problem = problem();
    if (problem != null) {
      throw new IOException(problem);
    }
  }

  /**
   * What to report when reading the file failed: a checksum mismatch explains an unreadable file
   * (it was altered or cut short), so it is reported with the read error as its cause; otherwise
   * the read error itself, naming the file.
   */
  public IOException explain(IOException readError) {
    String problem;
    try {
      problem = md5Problem();
    } catch (IOException e) {
      readError.addSuppressed(e);
      problem = null;
    }
    if (problem != null) {
      return new IOException(problem, readError);
    }
    String message = readError.getMessage();
    return message != null && message.contains(file.toString())
        ? readError
        : new IOException(file + ": " + message, readError);
  }

  private String problem() throws IOException {
    String md5Problem = md5Problem();
    if (md5Problem != null) {
      return md5Problem;
    }
    if (items != expectedItems) {
      return file
          + " holds "
          + items
          + " items, but manifest-files.json records "
          + expectedItems
          + "; the file does not match the export's manifest, "
          + outcome;
    }
    return null;
  }

  private String md5Problem() throws IOException {
    drain();
    String found = Base64.getEncoder().encodeToString(md5.digest());
    if (found.equals(expectedMd5)) {
      return null;
    }
    return file
        + " has MD5 "
        + found
        + ", but manifest-files.json records "
        + expectedMd5
        + "; the file was altered or cut short since the export, "
        + outcome;
  }

  private void drain() throws IOException {
    if (stored == null) {
      return;
    }
    byte[] buffer = new byte[DRAIN_BUFFER];
    while (stored.read(buffer) >= 0) {
      // Only the digest wants these bytes.
    }
    stored = null;
  }
}
