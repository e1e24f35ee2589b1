package io.ddbio.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.domain.BlobMetadata;
import org.jclouds.blobstore.options.CopyOptions;
import org.jclouds.blobstore.util.ForwardingBlobStore;

/**
 * The blob store behind {@link S3ProxyMain}, recording every server-side copy (S3's {@code
 * CopyObject}, which S3A's rename is made of) as a line {@code <epoch ms> <from key> <to key>
 * <bytes>} in a file, so a test can tell what a job copied from what the server did, not from what
 * the client says it did. s3proxy serves {@code CopyObject} through {@link #copyBlob}; a multipart
 * copy ({@code UploadPartCopy}) is used by S3A only above {@code fs.s3a.multipart.threshold}, which
 * the tests' objects stay below.
 *
 * <p>Loaded only in s3proxy's JVM, whose class path has jclouds.
 */
final class CopyCountingBlobStore extends ForwardingBlobStore {
  private final Path log;

  CopyCountingBlobStore(BlobStore delegate, Path log) {
    super(delegate);
    this.log = log;
  }

  @Override
  public String copyBlob(
      String fromContainer,
      String fromName,
      String toContainer,
      String toName,
      CopyOptions options) {
    BlobMetadata source = blobMetadata(fromContainer, fromName);
    long bytes = source == null ? -1 : source.getSize();
    String etag = super.copyBlob(fromContainer, fromName, toContainer, toName, options);
    record(System.currentTimeMillis() + " " + fromName + " " + toName + " " + bytes + "\n");
    return etag;
  }

  private synchronized void record(String line) {
    try {
      Files.writeString(
          log, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
