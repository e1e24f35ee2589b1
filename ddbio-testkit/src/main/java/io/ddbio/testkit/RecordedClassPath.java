package io.ddbio.testkit;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The test kit's own runtime class path: the jars its build resolved (DynamoDB Local with Jetty 12
 * among them), recorded in the resource {@value #RESOURCE} by {@code maven-dependency-plugin}'s
 * {@code build-classpath}, behind the location of the test kit's own classes.
 *
 * <p>A JVM that uses the test kit cannot always give its own class path to DynamoDB Local: Maven
 * keeps one version of each artifact, so a module that also has Hadoop's minicluster (Jetty 9) ends
 * up with a mix of Jetty 9 and Jetty 12 jars that neither can run on. The recorded class path is
 * the one the test kit itself was built and tested with.
 */
final class RecordedClassPath {
  /** The resource, next to this class, holding the recorded class path on one line. */
  static final String RESOURCE = "runtime.classpath";

  private RecordedClassPath() {}

  /**
   * The test kit's class path, its own classes first.
   *
   * @throws IllegalStateException if the resource is missing or names a file that does not exist
   */
  static String load() {
    String recorded;
    try (InputStream in = RecordedClassPath.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            "The test kit's recorded class path (resource io/ddbio/testkit/"
                + RESOURCE
                + ") is missing: build ddbio-testkit with Maven, which writes it");
      }
      recorded = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the test kit's recorded class path", e);
    }
    return join(ownLocation(), recorded);
  }

  /**
   * Puts {@code own} in front of the recorded entries and checks that every entry exists.
   *
   * @param own where the test kit's classes are (its jar or classes directory)
   * @param recorded entries separated by {@link File#pathSeparator}, as the build wrote them
   * @throws IllegalStateException naming the first entry that does not exist
   */
  static String join(Path own, String recorded) {
    List<String> entries = new ArrayList<>();
    entries.add(own.toString());
    for (String entry : recorded.trim().split(File.pathSeparator)) {
      if (entry.isEmpty()) {
        continue;
      }
      if (!Files.exists(Path.of(entry))) {
        throw new IllegalStateException(
            "The test kit's recorded class path names "
                + entry
                + ", which does not exist; rebuild ddbio-testkit on this machine so that Maven"
                + " downloads its dependencies and records their paths again");
      }
      entries.add(entry);
    }
    return String.join(File.pathSeparator, entries);
  }

  private static Path ownLocation() {
    try {
      return Path.of(
          RecordedClassPath.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException | RuntimeException e) {
      throw new IllegalStateException(
          "Cannot tell where the test kit's classes were loaded from", e);
    }
  }
}
