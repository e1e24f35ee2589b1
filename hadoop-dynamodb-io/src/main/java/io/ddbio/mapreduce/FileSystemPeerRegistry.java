package io.ddbio.mapreduce;

import io.ddbio.capacity.PeerRegistry;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Peers as files in one directory of the job's file system (under the job's staging directory): a
 * heartbeat rewrites the task's file, so its modification time, set by the file system, says when
 * the task was last alive. Works wherever the job's staging directory lives (local disk, HDFS,
 * S3A).
 */
final class FileSystemPeerRegistry implements PeerRegistry {
  private static final String CAPACITY_FILE = "_capacity";

  private final FileSystem fs;
  private final Path dir;

  FileSystemPeerRegistry(FileSystem fs, Path dir) {
    this.fs = fs;
    this.dir = dir;
  }

  @Override
  public void heartbeat(String self) throws IOException {
    fs.create(new Path(dir, self), true).close();
  }

  @Override
  public Set<String> livePeers(Duration ttl) throws IOException {
    FileStatus[] files = fs.listStatus(dir, p -> !p.getName().startsWith("_"));
    long newest = Long.MIN_VALUE;
    for (FileStatus f : files) {
      newest = Math.max(newest, f.getModificationTime());
    }
    Set<String> live = new HashSet<>();
    for (FileStatus f : files) {
      if (f.getModificationTime() >= newest - ttl.toMillis()) {
        live.add(f.getPath().getName());
      }
    }
    return live;
  }

  @Override
  public void leave(String self) throws IOException {
    fs.delete(new Path(dir, self), false);
  }

  /** The capacity file, aged against the freshest heartbeat: both stamped by the file system. */
  @Override
  public Optional<Published> publishedCapacity() throws IOException {
    FileStatus capacity = null;
    long newest = Long.MIN_VALUE;
    for (FileStatus f : fs.listStatus(dir)) {
      String name = f.getPath().getName();
      if (name.equals(CAPACITY_FILE)) {
        capacity = f;
      } else if (!name.startsWith("_") && !name.startsWith(".")) {
        newest = Math.max(newest, f.getModificationTime());
      }
    }
    if (capacity == null) {
      return Optional.empty();
    }
    String text;
    try (InputStream in = fs.open(capacity.getPath())) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
    } catch (FileNotFoundException e) {
      // Replaced between the listing and the reading: the next round reads the new one.
      return Optional.empty();
    }
    // Empty while the leader is writing it: keep what we had.
    if (text.isEmpty()) {
      return Optional.empty();
    }
    double units;
    try {
      units = Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw new IOException("Unreadable " + capacity.getPath() + ": " + e.getMessage(), e);
    }
    long ageMillis = Math.max(0, newest - capacity.getModificationTime());
    return Optional.of(new Published(units, Duration.ofMillis(ageMillis)));
  }

  @Override
  public void publishCapacity(double unitsPerSecond) throws IOException {
    try (OutputStream out = fs.create(new Path(dir, CAPACITY_FILE), true)) {
      out.write(Double.toString(unitsPerSecond).getBytes(StandardCharsets.UTF_8));
    }
  }
}
