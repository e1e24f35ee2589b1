package io.ddbio.mapreduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbio.capacity.PeerRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestFileSystemPeerRegistry {

  @Test
  void peersHeartbeatLeaveAndShareTheCapacity(@TempDir java.nio.file.Path tmp) throws IOException {
    FileSystemPeerRegistry registry =
        withPeers(registryIn(localFileSystem(), tmp, "budget/read"), "attempt_1", "attempt_2");
    assertEquals(Set.of("attempt_1", "attempt_2"), registry.livePeers(Duration.ofSeconds(15)));

    assertTrue(registry.publishedCapacity().isEmpty());
    registry.publishCapacity(1234.5);
    assertEquals(1234.5, registry.publishedCapacity().orElseThrow().unitsPerSecond());
    assertEquals(
        Set.of("attempt_1", "attempt_2"),
        registry.livePeers(Duration.ofSeconds(15)),
        "the capacity file is not a peer");

    registry.leave("attempt_1");
    assertEquals(Set.of("attempt_2"), registry.livePeers(Duration.ofSeconds(15)));
  }

  @Test
  void theCapacityIsAgedAgainstTheFreshestHeartbeat(@TempDir java.nio.file.Path tmp)
      throws IOException {
    FileSystemPeerRegistry registry =
        registryIn(localFileSystem().getRawFileSystem(), tmp, "budget");
    registry.publishCapacity(500);
    registry.heartbeat("attempt_1");
    setModifiedBefore(
        tmp.resolve("budget").resolve("_capacity"),
        tmp.resolve("budget").resolve("attempt_1"),
        45_000);

    PeerRegistry.Published published = registry.publishedCapacity().orElseThrow();

    assertEquals(500, published.unitsPerSecond());
    assertEquals(Duration.ofSeconds(45), published.age());
  }

  @Test
  void aPeerOlderThanTheTtlThanTheNewestIsGone(@TempDir java.nio.file.Path tmp) throws IOException {
    FileSystemPeerRegistry registry =
        withPeers(registryIn(localFileSystem(), tmp, "budget"), "old", "new");
    // Age "old" by a minute, as a task that stopped announcing itself would be.
    java.nio.file.Path old = tmp.resolve("budget").resolve("old");
    setModifiedBefore(old, old, 60_000);
    assertEquals(Set.of("new"), registry.livePeers(Duration.ofSeconds(15)));
  }

  private static LocalFileSystem localFileSystem() throws IOException {
    return FileSystem.getLocal(new Configuration());
  }

  /** The registry once each of the peers has announced itself, in order. */
  private static FileSystemPeerRegistry withPeers(FileSystemPeerRegistry registry, String... peers)
      throws IOException {
    for (String peer : peers) {
      registry.heartbeat(peer);
    }
    return registry;
  }

  private static FileSystemPeerRegistry registryIn(
      FileSystem fs, java.nio.file.Path tmp, String dir) {
    return new FileSystemPeerRegistry(fs, new Path(tmp.toUri().toString(), dir));
  }

  /** Dates the file the given milliseconds before the reference's modification time. */
  private static void setModifiedBefore(
      java.nio.file.Path file, java.nio.file.Path reference, long millis) throws IOException {
    Files.setLastModifiedTime(
        file,
        java.nio.file.attribute.FileTime.fromMillis(
            Files.getLastModifiedTime(reference).toMillis() - millis));
  }
}
