package io.ddbio.capacity;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.Collections;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one task's budget at its fair share of the job's rate while tasks come and go and the
 * table's capacity changes.
 *
 * <p>Every {@code interval} the task announces itself, counts the peers that announced themselves
 * recently, and sets its rate to {@code capacity × percent / peers}. A task that finishes leaves,
 * so its share goes to those still running: the tail of a job runs at the job's rate, not at the
 * rate of the few tasks left. One peer (the first by name) re-reads the table's capacity once the
 * capacity published for the job is {@code refresh} old, and publishes it, so the job follows auto
 * scaling without every task calling DescribeTable. The age is the published capacity's, not the
 * leader's: a job whose tasks each live less than {@code refresh} still follows.
 *
 * <p>A task's first count may miss peers that start at the same moment and have not announced
 * themselves yet, so on its first round a task never takes more than the share it was planned with,
 * scaled to the capacity published by then; from the second round on it goes by the count.
 *
 * <p>Coordination is best effort: when the registry cannot be reached the task keeps its current
 * rate and says so in the log; the budget never fails a task.
 */
public final class BudgetCoordinator implements Closeable {
  private static final Logger LOG = LoggerFactory.getLogger(BudgetCoordinator.class);

  /** Reads the table's current capacity in units per second (DescribeTable for a real table). */
  @FunctionalInterface
  public interface CapacitySource {
    double tableUnits() throws IOException;
  }

  private final String self;
  private final PeerRegistry registry;
  private final CapacityBudget budget;
  private final double percent;
  private final CapacitySource source;
  private final Duration ttl;
  private final Duration refresh;
  private final double plannedTableUnits;

  private double tableUnits;
  private boolean warned;
  private boolean counted;
  private boolean left;

  /**
   * @param self this task's name in the registry
   * @param initialTableUnits the capacity the job was planned with
   * @param interval how often {@link #tick} runs; peers silent for three intervals are gone
   * @param refresh how old the published capacity may get before the leader re-reads it
   */
  public BudgetCoordinator(
      String self,
      PeerRegistry registry,
      CapacityBudget budget,
      double percent,
      double initialTableUnits,
      CapacitySource source,
      Duration interval,
      Duration refresh) {
    this.self = self;
    this.registry = registry;
    this.budget = budget;
    this.percent = percent;
    this.tableUnits = initialTableUnits;
    this.plannedTableUnits = initialTableUnits;
    this.source = source;
    this.ttl = interval.multipliedBy(3);
    this.refresh = refresh;
  }

  /** One round: announce, count peers, refresh or read the capacity, set the rate. */
  public synchronized void tick() {
    if (left) {
      return;
    }
    try {
      registry.heartbeat(self);
      Set<String> peers = registry.livePeers(ttl);
      boolean leader = !peers.isEmpty() && Collections.min(peers).equals(self);
      Optional<PeerRegistry.Published> published = registry.publishedCapacity();
      if (published.isPresent()) {
        tableUnits = published.get().unitsPerSecond();
      }
      if (leader && published.isEmpty()) {
        // The capacity the job was planned with starts the clock, so that a later leader goes on
        // from it when this one finishes before a refresh is due.
        registry.publishCapacity(tableUnits);
      } else if (leader && published.get().age().compareTo(refresh) >= 0) {
        tableUnits = source.tableUnits();
        registry.publishCapacity(tableUnits);
      }
      int running = Math.max(1, peers.size());
      double rate = CapacityShare.perTaskRate(tableUnits, percent, running);
      if (!counted) {
        // The budget still has the planned rate: at the start of a job or of a new wave of tasks,
        // the peers starting alongside this one may not be in the registry yet. The plan is scaled
        // to the capacity published since: a task starting after the capacity was raised takes
        // its share of the new capacity, not of the one the job was planned with.
        rate = Math.min(rate, budget.rate() * tableUnits / plannedTableUnits);
        counted = true;
      }
      if (Math.abs(rate - budget.rate()) > 1e-9) {
        LOG.info(
            "{}: {} tasks share {} units/s x {}: {} units/s each",
            self,
            running,
            tableUnits,
            percent,
            String.format("%.1f", rate));
        budget.setRate(rate);
      }
      warned = false;
    } catch (IOException | RuntimeException e) {
      if (!warned) {
        LOG.warn(
            "{}: cannot coordinate the budget ({}); keeping {} units/s", self, e, budget.rate());
        warned = true;
      }
    }
  }

  /** Leaves the registry so the others take this task's share. */
  @Override
  public synchronized void close() {
    if (left) {
      return;
    }
    left = true;
    try {
      registry.leave(self);
    } catch (IOException e) {
      LOG.warn(
          "{}: could not leave the budget registry; peers will stop counting it soon", self, e);
    }
  }
}
