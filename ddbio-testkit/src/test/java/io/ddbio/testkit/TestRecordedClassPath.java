package io.ddbio.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The recorded class path: own classes first, every entry checked. */
class TestRecordedClassPath {
  @Test
  void ownLocationComesFirstAndEmptyEntriesAreDropped(@TempDir Path tmp) throws IOException {
    Path a = Files.createFile(tmp.resolve("a.jar"));
    Path b = Files.createFile(tmp.resolve("b.jar"));
    String recorded = a + File.pathSeparator + File.pathSeparator + b + "\n";

    String joined = RecordedClassPath.join(tmp.resolve("own"), recorded);

    assertEquals(
        String.join(File.pathSeparator, tmp.resolve("own").toString(), a.toString(), b.toString()),
        joined);
  }

  @Test
  void aMissingEntryIsNamed(@TempDir Path tmp) {
    String missing = tmp.resolve("gone.jar").toString();
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class, () -> RecordedClassPath.join(tmp.resolve("own"), missing));
    assertTrue(e.getMessage().contains(missing), e.getMessage());
  }

  @Test
  void theBuildRecordedDynamoDbLocal() {
    String classPath = RecordedClassPath.load();
    assertTrue(classPath.contains("DynamoDBLocal"), classPath);
    assertTrue(classPath.contains("jetty-server-12"), classPath);
  }
}
