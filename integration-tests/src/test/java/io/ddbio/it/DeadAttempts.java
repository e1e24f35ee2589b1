package io.ddbio.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * What the attempt that a test made die had written, as it recorded it in a marker file before
 * halting its JVM ({@link DiesOnFirstAttemptCodec}, {@link ITFailedAttempt.DiesOnFirstAttempt}).
 */
final class DeadAttempts {
  private DeadAttempts() {}

  /** The files the dead attempt listed in its marker, which must be the only marker. */
  static List<String> files(FileSystem dfs, Path markers) throws IOException {
    FileStatus[] found = dfs.listStatus(markers);
    assertEquals(1, found.length, "markers: one attempt, and only one, dies");
    assertTrue(found[0].getPath().getName().endsWith("_m_000000_0"), found[0].getPath().toString());
    try (var in = dfs.open(found[0].getPath())) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return text.isEmpty() ? List.of() : List.of(text.split("\n"));
    }
  }
}
