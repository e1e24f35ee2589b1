package io.ddbio.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Local directories that a demo, benchmark or test writes and clears again. */
public final class LocalTrees {
  private LocalTrees() {}

  /**
   * Deletes {@code dir} and everything below it, if it exists: an earlier run's output, as the
   * tools write new directories and refuse an existing one.
   */
  public static void delete(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      // Deepest first, so that each directory is empty when its turn comes.
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
