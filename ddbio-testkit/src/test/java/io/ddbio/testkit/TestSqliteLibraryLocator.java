package io.ddbio.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestSqliteLibraryLocator {
  private static final String VERSION = "1.0.392";
  private final SqliteLibraryLocator linux = new SqliteLibraryLocator(SqlitePlatform.LINUX_AMD64);

  @TempDir Path dir;

  @Test
  void mapsOsAndArchitectureToThePublishedArtifacts() {
    assertEquals(Optional.of(SqlitePlatform.LINUX_AMD64), SqlitePlatform.of("Linux", "amd64"));
    assertEquals(Optional.of(SqlitePlatform.OSX_X86_64), SqlitePlatform.of("Mac OS X", "x86_64"));
    assertEquals(Optional.of(SqlitePlatform.WINDOWS_X64), SqlitePlatform.of("Windows 11", "amd64"));
    // No Maven artifact for these: DynamoDB Local's own copy serves them.
    assertEquals(Optional.empty(), SqlitePlatform.of("Linux", "aarch64"));
    assertEquals(Optional.empty(), SqlitePlatform.of("Mac OS X", "aarch64"));
    assertEquals(Optional.empty(), SqlitePlatform.of("FreeBSD", "amd64"));
  }

  @Test
  void findsTheLibraryInTheConfiguredDirectoryUnderAnyAcceptedName() throws IOException {
    for (String name :
        new String[] {
          "libsqlite4java-linux-amd64-1.0.392.so",
          "libsqlite4java-linux-amd64.so",
          "libsqlite4java.so"
        }) {
      Path sub = Files.createDirectory(dir.resolve(name + ".d"));
      Path library = Files.createFile(sub.resolve(name));
      assertEquals(Optional.of(library), linux.inDirectory(sub.toString()), name);
    }
  }

  @Test
  void ignoresOtherPlatformsChecksumsAndMissingDirectories() throws IOException {
    Files.createFile(dir.resolve("libsqlite4java-linux-i386-1.0.392.so"));
    Files.createFile(dir.resolve("libsqlite4java-linux-amd64-1.0.392.so.sha1"));
    Files.createFile(dir.resolve("libsqlite4java-osx-1.0.392.dylib"));
    assertEquals(Optional.empty(), linux.inDirectory(dir.toString()));
    assertEquals(Optional.empty(), linux.inDirectory(dir.resolve("native-libs").toString()));
    assertEquals(Optional.empty(), linux.inDirectory(null));
  }

  @Test
  void findsTheArtifactMavenPutOnTheClassPath() throws IOException {
    Path library = Files.createFile(dir.resolve("libsqlite4java-linux-amd64-1.0.392.so"));
    Path other = Files.createFile(dir.resolve("libsqlite4java-osx-1.0.392.dylib"));
    String classPath =
        String.join(File.pathSeparator, "/nowhere/a.jar", other.toString(), library.toString());
    assertEquals(Optional.of(library), linux.onClassPath(classPath));
    assertEquals(Optional.empty(), linux.onClassPath("/nowhere/a.jar"));
  }

  @Test
  void findsTheArtifactBesideTheJarInTheLocalRepository() throws IOException {
    Path jar = repositoryFile("sqlite4java", "sqlite4java-1.0.392.jar");
    assertEquals(Optional.empty(), linux.besideJar(jar));
    Path library =
        repositoryFile("libsqlite4java-linux-amd64", "libsqlite4java-linux-amd64-1.0.392.so");
    assertEquals(Optional.of(library), linux.besideJar(jar));
  }

  @Test
  void ignoresAJarOutsideARepositoryLayout() throws IOException {
    Path shaded = Files.createFile(dir.resolve("ddbio-cli.jar"));
    assertEquals(Optional.empty(), linux.besideJar(shaded));
    assertEquals(Optional.empty(), linux.besideJar(null));
  }

  @Test
  void prefersTheConfiguredDirectoryThenTheClassPathThenTheRepository() throws IOException {
    Path jar = repositoryFile("sqlite4java", "sqlite4java-1.0.392.jar");
    Path inRepository =
        repositoryFile("libsqlite4java-linux-amd64", "libsqlite4java-linux-amd64-1.0.392.so");
    Path onClassPath =
        Files.createFile(
            Files.createDirectory(dir.resolve("cp"))
                .resolve("libsqlite4java-linux-amd64-1.0.392.so"));
    Path configured =
        Files.createFile(
            Files.createDirectory(dir.resolve("native-libs"))
                .resolve("libsqlite4java-linux-amd64.so"));

    assertEquals(
        Optional.of(configured),
        linux.locate(configured.getParent().toString(), onClassPath.toString(), jar));
    assertEquals(
        Optional.of(onClassPath), linux.locate("/no/such/dir", onClassPath.toString(), jar));
    assertEquals(Optional.of(inRepository), linux.locate(null, "/nowhere/a.jar", jar));
  }

  private Path repositoryFile(String artifactId, String fileName) throws IOException {
    Path versionDir =
        Files.createDirectories(
            dir.resolve("repository/com/almworks/sqlite4java")
                .resolve(artifactId)
                .resolve(VERSION));
    return Files.createFile(versionDir.resolve(fileName));
  }
}
