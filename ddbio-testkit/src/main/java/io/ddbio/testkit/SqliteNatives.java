package io.ddbio.testkit;

import com.almworks.sqlite4java.SQLite;
import com.amazonaws.services.dynamodbv2.local.shared.access.sqlite.SQLiteLibraryLoader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.CodeSource;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads sqlite4java's native library, which DynamoDB Local stores its tables in, once per JVM.
 *
 * <p>DynamoDB Local 2.x loads the library itself, before sqlite4java's own loader runs, from the
 * file named by the system properties {@code org.sqlite.lib.path} (directory) and {@code
 * org.sqlite.lib.name} (file name); without them it extracts a copy carried inside its jar into the
 * temporary directory, under a fresh name each time. This class points those two properties at the
 * library {@link SqliteLibraryLocator} finds ({@code sqlite4java.library.path}, the class path, or
 * the local Maven repository), so every JVM loads the same file in place: nothing is copied,
 * nothing is left in the temporary directory by a JVM that is killed, and a temporary directory
 * mounted {@code noexec} does not matter. Where no such file exists (platforms without a Maven
 * artifact, such as Linux on aarch64) DynamoDB Local's own copy is used. A value of {@code
 * org.sqlite.lib.path} set by the user is left alone.
 *
 * <p>{@code sqlite4java.library.path} is read but never changed: sqlite4java's loader finds the
 * library already loaded and does not consult it.
 */
public final class SqliteNatives {
  /** The property sqlite4java reads: a directory holding the native library. */
  public static final String SQLITE4JAVA_LIBRARY_PATH = "sqlite4java.library.path";

  static final String DYNAMODB_LOCAL_LIBRARY_PATH = "org.sqlite.lib.path";
  static final String DYNAMODB_LOCAL_LIBRARY_NAME = "org.sqlite.lib.name";

  private static final org.slf4j.Logger LOG = LoggerFactory.getLogger(SqliteNatives.class);

  // Held so that the level set on it survives: java.util.logging keeps loggers only weakly.
  private static final Logger SQLITE4JAVA_LOG = Logger.getLogger("com.almworks.sqlite4java");

  private static String loadedVersion;

  private SqliteNatives() {}

  /**
   * Makes sure the native library is loaded, loading it on the first call.
   *
   * @return the SQLite version the library reports, e.g. {@code 3.8.7}
   * @throws IllegalStateException if the library cannot be found or loaded; the message says what
   *     to install or which property to set
   */
  public static synchronized String ensureLoaded() {
    if (loadedVersion != null) {
      return loadedVersion;
    }
    // sqlite4java logs every load at INFO; DynamoDB Local's own launcher quiets it the same way.
    if (SQLITE4JAVA_LOG.getLevel() == null) {
      SQLITE4JAVA_LOG.setLevel(Level.WARNING);
    }
    Optional<SqlitePlatform> platform = SqlitePlatform.current();
    boolean chosenByUser = System.getProperty(DYNAMODB_LOCAL_LIBRARY_PATH) != null;
    if (!chosenByUser) {
      platform.flatMap(SqliteNatives::locate).ifPresent(SqliteNatives::useLibrary);
    }
    try {
      SQLiteLibraryLoader.initialize();
      loadedVersion = SQLite.getSQLiteVersion();
      return loadedVersion;
    } catch (Exception | LinkageError e) {
      throw new IllegalStateException(failureMessage(platform, chosenByUser), e);
    }
  }

  private static Optional<Path> locate(SqlitePlatform platform) {
    return new SqliteLibraryLocator(platform)
        .locate(
            System.getProperty(SQLITE4JAVA_LIBRARY_PATH),
            System.getProperty("java.class.path"),
            sqliteJar());
  }

  private static void useLibrary(Path library) {
    Path absolute = library.toAbsolutePath();
    LOG.debug("Loading sqlite4java's native library from {}", absolute);
    System.setProperty(DYNAMODB_LOCAL_LIBRARY_PATH, absolute.getParent().toString());
    System.setProperty(DYNAMODB_LOCAL_LIBRARY_NAME, absolute.getFileName().toString());
  }

  /** Where the sqlite4java classes were loaded from, when that is a file. */
  private static Path sqliteJar() {
    try {
      CodeSource source = SQLite.class.getProtectionDomain().getCodeSource();
      if (source == null || source.getLocation() == null) {
        return null;
      }
      URI uri = source.getLocation().toURI();
      return "file".equals(uri.getScheme()) ? Paths.get(uri) : null;
    } catch (URISyntaxException
        | SecurityException
        | IllegalArgumentException
        | FileSystemNotFoundException e) {
      return null;
    }
  }

  private static String failureMessage(Optional<SqlitePlatform> platform, boolean chosenByUser) {
    String problem =
        "DynamoDB Local needs sqlite4java's native library and could not load it on "
            + System.getProperty("os.name")
            + " / "
            + System.getProperty("os.arch")
            + ". ";
    if (chosenByUser) {
      return problem
          + "The library was chosen with -D"
          + DYNAMODB_LOCAL_LIBRARY_PATH
          + "="
          + System.getProperty(DYNAMODB_LOCAL_LIBRARY_PATH)
          + " and -D"
          + DYNAMODB_LOCAL_LIBRARY_NAME
          + "="
          + System.getProperty(DYNAMODB_LOCAL_LIBRARY_NAME)
          + " (default libsqlite4java.so); check that they name a library built for this platform.";
    }
    String searched =
        "Looked in "
            + SQLITE4JAVA_LIBRARY_PATH
            + "="
            + System.getProperty(SQLITE4JAVA_LIBRARY_PATH)
            + ", on the class path, beside the sqlite4java jar in the local Maven repository and in"
            + " the DynamoDBLocal jar. ";
    return problem
        + searched
        + platform
            .map(
                p ->
                    "Run 'mvn dependency:resolve' in the module under test so that Maven downloads"
                        + " com.almworks.sqlite4java:"
                        + p.artifactId()
                        + " (a dependency of DynamoDBLocal), or set -D"
                        + SQLITE4JAVA_LIBRARY_PATH
                        + " to a directory holding "
                        + p.repositoryFileName("<version>")
                        + ".")
            .orElse(
                "sqlite4java publishes no native library for this platform: set -D"
                    + DYNAMODB_LOCAL_LIBRARY_PATH
                    + " and -D"
                    + DYNAMODB_LOCAL_LIBRARY_NAME
                    + " to the directory and file name of a libsqlite4java built for it.");
  }
}
