package io.ddbio.it;

import io.ddbio.testkit.ChildJvm;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hadoop.conf.Configuration;

/**
 * An S3-compatible server on an ephemeral port of 127.0.0.1 with one empty bucket: s3proxy over an
 * in-memory blob store, checking AWS signatures. {@link #s3aConf} points Hadoop's S3A at it.
 *
 * <p>s3proxy runs in a JVM of its own ({@link S3ProxyMain}) from its self-contained jar, whose path
 * the build passes in the system property {@value #JAR_PROPERTY}: its jclouds needs Guice 7, while
 * Hadoop's YARN, in this JVM and in the containers that inherit its class path, needs Guice 4. So
 * it can serve jobs on MiniYARN as well as on LocalJobRunner.
 */
public final class S3Server implements AutoCloseable {
  /** The access key S3A signs with; s3proxy's identity. */
  public static final String ACCESS_KEY = "ddbio-it-access";

  /** The matching secret key; a test value, never a real secret. */
  public static final String SECRET_KEY = "ddbio-it-secret";

  /** The system property holding the path of s3proxy's jar-with-dependencies. */
  static final String JAR_PROPERTY = "ddbio.it.s3proxy.jar";

  private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

  /**
   * Gives each server of this JVM its own bucket name: Hadoop caches S3A file systems by bucket, so
   * a name reused by a later server would reach a cached client still pointing at the old port.
   */
  private static final AtomicInteger SERVERS = new AtomicInteger();

  private final ChildJvm child;
  private final URI endpoint;
  private final String bucket;
  private final Path copyLog;

  private S3Server(ChildJvm child, URI endpoint, String bucket, Path copyLog) {
    this.child = child;
    this.endpoint = endpoint;
    this.bucket = bucket;
    this.copyLog = copyLog;
  }

  /**
   * Starts a server with an empty bucket and waits until it serves.
   *
   * @throws IllegalStateException if s3proxy's jar is unknown or the server does not start
   */
  public static S3Server start() {
    return start(null);
  }

  /**
   * Starts a server whose objects are files below {@code storeDir} (for gigabytes), or in memory
   * when it is null.
   */
  public static S3Server start(Path storeDir) {
    String bucket = "ddbio-it-" + SERVERS.incrementAndGet();
    Path copyLog;
    try {
      copyLog = Files.createTempFile("s3proxy-copies-", ".log");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> arguments =
        new ArrayList<>(
            List.of(
                "-cp",
                s3proxyJar() + File.pathSeparator + testClasses(),
                "io.ddbio.it.S3ProxyMain",
                bucket,
                ACCESS_KEY,
                SECRET_KEY,
                copyLog.toString()));
    if (storeDir != null) {
      arguments.add(storeDir.toString());
    }
    ChildJvm child = ChildJvm.start("s3proxy", arguments, "S3PROXY_ENDPOINT=", READY_TIMEOUT);
    return new S3Server(child, URI.create(child.readyValue()), bucket, copyLog);
  }

  private static Path s3proxyJar() {
    String jar = System.getProperty(JAR_PROPERTY);
    if (jar == null || !Files.isRegularFile(Path.of(jar))) {
      throw new IllegalStateException(
          "System property "
              + JAR_PROPERTY
              + " is "
              + (jar == null ? "not set" : "not a file: " + jar)
              + ". Run the tests through Maven (failsafe sets it), or set it to the path of"
              + " org.gaul:s3proxy:<version>:jar-with-dependencies in the local repository.");
    }
    return Path.of(jar);
  }

  /** Where this class, and so S3ProxyMain, was loaded from. */
  private static Path testClasses() {
    try {
      return Path.of(S3Server.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException("Cannot tell where the test classes are", e);
    }
  }

  /** The endpoint, {@code http://127.0.0.1:<port>}. */
  public URI endpoint() {
    return endpoint;
  }

  /** The bucket created at start. */
  public String bucket() {
    return bucket;
  }

  /**
   * Every server-side copy so far (S3's {@code CopyObject}, of which S3A's rename is made), as the
   * server saw it: {@code <epoch ms> <from key> <to key> <bytes>}.
   */
  public List<String> copies() {
    try {
      return Files.readAllLines(copyLog);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code s3a://<bucket>/<key>}. */
  public org.apache.hadoop.fs.Path path(String key) {
    return new org.apache.hadoop.fs.Path("s3a://" + bucket + "/" + key);
  }

  /**
   * A copy of {@code base} in which {@code s3a://<bucket>/} reaches this server.
   *
   * @param base the configuration of the jobs or file systems that will use S3A; not changed
   */
  public Configuration s3aConf(Configuration base) {
    Configuration conf = new Configuration(base);
    S3aSettings.apply(conf, endpoint, ACCESS_KEY, SECRET_KEY);
    return conf;
  }

  /**
   * Closes the S3A file system Hadoop cached for the bucket under {@code conf} (it holds threads
   * and connections to the server), then stops the server.
   *
   * @param conf the configuration the file system was opened with, or null if none was
   */
  public void close(Configuration conf) throws IOException {
    try {
      if (conf != null) {
        path("").getFileSystem(conf).close();
      }
    } finally {
      close();
    }
  }

  /**
   * Stops the server; the bucket's contents are gone with it. Close the S3A file systems opened on
   * the bucket first ({@link #close(Configuration)}), or their clients keep retrying a closed port.
   */
  @Override
  public void close() {
    child.close();
    try {
      Files.deleteIfExists(copyLog);
    } catch (IOException e) {
      // A temporary file left behind is harmless.
    }
  }
}
