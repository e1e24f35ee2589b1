package io.ddbio.testkit;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds sqlite4java's native library for one platform among the places a build leaves it. Looks
 * only; loading is {@link SqliteNatives}'s job.
 *
 * <p>Places, in order:
 *
 * <ol>
 *   <li>the directory named by {@code sqlite4java.library.path}, when that holds the library;
 *   <li>the class path: Maven puts the native artifacts DynamoDB Local depends on (type {@code so},
 *       {@code dylib}, {@code dll}) on the test class path as plain files;
 *   <li>the local Maven repository next to the sqlite4java jar: {@code
 *       .../com/almworks/sqlite4java/sqlite4java/V/sqlite4java-V.jar} has the native artifact at
 *       {@code .../com/almworks/sqlite4java/ARTIFACT/V/ARTIFACT-V.EXT}. This covers forked test
 *       JVMs whose class path is a single manifest jar.
 * </ol>
 */
final class SqliteLibraryLocator {
  private final SqlitePlatform platform;

  SqliteLibraryLocator(SqlitePlatform platform) {
    this.platform = platform;
  }

  /**
   * The library file, if one of the places holds it.
   *
   * @param libraryDirectory the value of {@code sqlite4java.library.path}, or null
   * @param classPath the value of {@code java.class.path}, or null
   * @param sqliteJar where the sqlite4java jar was loaded from, or null if unknown
   */
  Optional<Path> locate(String libraryDirectory, String classPath, Path sqliteJar) {
    return inDirectory(libraryDirectory)
        .or(() -> onClassPath(classPath))
        .or(() -> besideJar(sqliteJar));
  }

  Optional<Path> inDirectory(String libraryDirectory) {
    Optional<Path> dir = toPath(libraryDirectory).filter(Files::isDirectory);
    if (dir.isEmpty()) {
      return Optional.empty();
    }
    try (Stream<Path> files = Files.list(dir.get())) {
      return files
          .filter(f -> platform.isDirectoryFileName(f.getFileName().toString()))
          .filter(Files::isRegularFile)
          .sorted()
          .findFirst();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + dir.get() + " for sqlite4java's library", e);
    }
  }

  Optional<Path> onClassPath(String classPath) {
    if (classPath == null) {
      return Optional.empty();
    }
    return Stream.of(classPath.split(File.pathSeparator))
        .map(SqliteLibraryLocator::toPath)
        .flatMap(Optional::stream)
        .filter(p -> p.getFileName() != null)
        .filter(p -> platform.isRepositoryFileName(p.getFileName().toString()))
        .filter(Files::isRegularFile)
        .findFirst();
  }

  Optional<Path> besideJar(Path sqliteJar) {
    if (sqliteJar == null) {
      return Optional.empty();
    }
    Path versionDir = sqliteJar.toAbsolutePath().getParent();
    Path artifactDir = versionDir == null ? null : versionDir.getParent();
    Path groupDir = artifactDir == null ? null : artifactDir.getParent();
    if (groupDir == null || !artifactDir.getFileName().toString().equals("sqlite4java")) {
      return Optional.empty(); // not a Maven repository layout, e.g. a shaded jar
    }
    String version = versionDir.getFileName().toString();
    Path candidate =
        groupDir
            .resolve(platform.artifactId())
            .resolve(version)
            .resolve(platform.repositoryFileName(version));
    return Files.isRegularFile(candidate) ? Optional.of(candidate) : Optional.empty();
  }

  private static Optional<Path> toPath(String value) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Paths.get(value));
    } catch (InvalidPathException e) {
      return Optional.empty();
    }
  }
}
