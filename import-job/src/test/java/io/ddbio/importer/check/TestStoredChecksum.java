package io.ddbio.importer.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestStoredChecksum {
  @TempDir java.nio.file.Path tmp;

  /**
   * The digest of a file before its first line is read reports progress as it goes: on a large file
   * it takes longer than a task timeout, and nothing else reports meanwhile.
   */
  @Test
  void digestingAFileReportsProgressForEveryBufferRead() throws Exception {
    byte[] bytes = new byte[1_000_000];
    new Random(5).nextBytes(bytes);
    java.nio.file.Path file = Files.write(tmp.resolve("data"), bytes);
    AtomicInteger reports = new AtomicInteger();

    String sha256 =
        StoredChecksum.sha256(
            FileSystem.getLocal(new Configuration()),
            new Path(file.toUri()),
            reports::incrementAndGet);

    assertEquals(
        HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)), sha256);
    assertTrue(reports.get() >= bytes.length / (64 * 1024), "progress reports: " + reports);
  }
}
