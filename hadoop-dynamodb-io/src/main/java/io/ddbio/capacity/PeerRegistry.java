package io.ddbio.capacity;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * Where the running tasks of one job find each other, so they can divide the job's budget among
 * those actually running. Each task owns one name; one thread per task calls in.
 */
public interface PeerRegistry {
  /**
   * A table capacity published for the job.
   *
   * @param unitsPerSecond the capacity
   * @param age how long before the freshest announcement it was published
   */
  record Published(double unitsPerSecond, Duration age) {}

  /** Records that {@code self} is running, now. */
  void heartbeat(String self) throws IOException;

  /**
   * The peers that announced themselves within {@code ttl} of the freshest announcement (comparing
   * announcements with each other, not with this machine's clock, so clock skew between nodes does
   * not matter).
   */
  Set<String> livePeers(Duration ttl) throws IOException;

  /** Removes {@code self}: it has finished and its share goes to the others. */
  void leave(String self) throws IOException;

  /**
   * The table capacity last published for the job, if any, with its age measured like {@link
   * #livePeers} measures announcements: against the freshest one.
   */
  Optional<Published> publishedCapacity() throws IOException;

  /** Publishes the table's capacity (units per second) for every peer to use. */
  void publishCapacity(double unitsPerSecond) throws IOException;
}
