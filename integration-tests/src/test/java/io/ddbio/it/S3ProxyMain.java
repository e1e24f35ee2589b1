package io.ddbio.it;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.Properties;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;

/**
 * The program {@link S3Server} runs in a JVM of its own, on s3proxy's self-contained jar: s3proxy
 * over jclouds' in-memory blob store ({@code transient}) on an ephemeral port of 127.0.0.1, with
 * one bucket, checking AWS signatures made with the given keys.
 *
 * <p>Arguments: {@code <bucket> <access key> <secret key> [<copy log> [<store dir>]]}; with a copy
 * log, every server-side copy is appended to it ({@link CopyCountingBlobStore}); with a store
 * directory, objects are kept in files below it (jclouds' {@code filesystem} provider) rather than
 * in memory, for benchmarks of gigabytes. Standard output carries one line, {@value
 * #READY_PREFIX}{@code http://127.0.0.1:<port>}, once the bucket exists; s3proxy's own logging goes
 * to standard error. The server stops when standard input ends.
 *
 * <p>Never loaded in the test JVM, whose class path lacks s3proxy (see the module's pom).
 */
public final class S3ProxyMain {
  /** What the line announcing the endpoint starts with. */
  public static final String READY_PREFIX = "S3PROXY_ENDPOINT=";

  private S3ProxyMain() {}

  /**
   * Starts the server and serves until standard input ends.
   *
   * @param args bucket, access key, secret key
   */
  public static void main(String[] args) throws Exception {
    if (args.length < 3 || args.length > 5) {
      System.err.println(
          "usage: S3ProxyMain <bucket> <access key> <secret key> [<copy log> [<store dir>]]");
      System.exit(2);
    }
    PrintStream stdout = System.out;
    // s3proxy logs to System.out; from here on that is stderr, so stdout has the ready line alone.
    System.setOut(System.err);

    Properties overrides = new Properties();
    String provider = "transient";
    if (args.length == 5) {
      provider = "filesystem";
      overrides.setProperty("jclouds.filesystem.basedir", args[4]);
    }
    BlobStoreContext blobs =
        ContextBuilder.newBuilder(provider)
            .credentials("unused", "unused")
            .overrides(overrides)
            .buildView(BlobStoreContext.class);
    BlobStore store = blobs.getBlobStore();
    if (args.length >= 4) {
      store = new CopyCountingBlobStore(store, Path.of(args[3]));
    }
    S3Proxy proxy =
        S3Proxy.builder()
            .blobStore(store)
            .endpoint(URI.create("http://127.0.0.1:0"))
            .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, args[1], args[2])
            // The AWS SDK sends checksum headers (x-amz-sdk-checksum-algorithm, x-amz-checksum-*)
            // that s3proxy does not implement and would otherwise answer with 501.
            .ignoreUnknownHeaders(true)
            .build();
    proxy.start();
    blobs.getBlobStore().createContainerInLocation(null, args[0]);
    stdout.println(READY_PREFIX + "http://127.0.0.1:" + proxy.getPort());
    stdout.flush();

    try {
      System.in.transferTo(OutputStream.nullOutputStream());
    } catch (IOException e) {
      // Standard input failing is as good as its end: the parent is gone.
    }
    proxy.stop();
    blobs.close();
    // jclouds leaves non-daemon threads behind.
    System.exit(0);
  }
}
