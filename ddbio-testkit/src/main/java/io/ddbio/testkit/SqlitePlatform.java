package io.ddbio.testkit;

import java.util.Locale;
import java.util.Optional;

/**
 * The platforms for which sqlite4java publishes its native library as a Maven artifact (group
 * {@code com.almworks.sqlite4java}), with the artifact's name and file extension.
 *
 * <p>Platforms missing here (Linux on aarch64, macOS on Apple silicon) have no such artifact;
 * DynamoDB Local carries its own copy for them inside its jar.
 */
enum SqlitePlatform {
  LINUX_AMD64("libsqlite4java-linux-amd64", "so"),
  OSX_X86_64("libsqlite4java-osx", "dylib"),
  WINDOWS_X64("sqlite4java-win32-x64", "dll");

  private final String artifactId;
  private final String extension;

  SqlitePlatform(String artifactId, String extension) {
    this.artifactId = artifactId;
    this.extension = extension;
  }

  /** The platform of this JVM, if sqlite4java publishes a native artifact for it. */
  static Optional<SqlitePlatform> current() {
    return of(System.getProperty("os.name", ""), System.getProperty("os.arch", ""));
  }

  /** The platform named by the {@code os.name} and {@code os.arch} values given. */
  static Optional<SqlitePlatform> of(String osName, String osArch) {
    String os = osName.toLowerCase(Locale.ROOT);
    boolean x64 = osArch.equals("amd64") || osArch.equals("x86_64");
    if (!x64) {
      return Optional.empty();
    }
    if (os.startsWith("linux")) {
      return Optional.of(LINUX_AMD64);
    }
    if (os.startsWith("mac") || os.startsWith("darwin")) {
      return Optional.of(OSX_X86_64);
    }
    if (os.startsWith("windows")) {
      return Optional.of(WINDOWS_X64);
    }
    return Optional.empty();
  }

  /** The Maven artifact id, e.g. {@code libsqlite4java-linux-amd64}. */
  String artifactId() {
    return artifactId;
  }

  /**
   * The file name Maven stores the artifact under, e.g. {@code
   * libsqlite4java-linux-amd64-1.0.392.so}.
   */
  String repositoryFileName(String version) {
    return artifactId + "-" + version + "." + extension;
  }

  /** Whether a file name is this platform's artifact of some version, as Maven names it. */
  boolean isRepositoryFileName(String fileName) {
    return fileName.startsWith(artifactId + "-") && fileName.endsWith("." + extension);
  }

  /**
   * Whether a directory named by {@code sqlite4java.library.path} may hold the library under this
   * file name: the Maven name of any version, the name with the version stripped (what {@code
   * maven-dependency-plugin} writes with {@code stripVersion}), or the bare system name.
   */
  boolean isDirectoryFileName(String fileName) {
    String bare = (this == WINDOWS_X64 ? "" : "lib") + "sqlite4java." + extension;
    return isRepositoryFileName(fileName)
        || fileName.equals(artifactId + "." + extension)
        || fileName.equals(bare);
  }
}
