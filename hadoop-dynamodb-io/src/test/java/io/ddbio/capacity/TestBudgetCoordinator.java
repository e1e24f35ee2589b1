package io.ddbio.capacity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ddbio.testing.FakeTime;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TestBudgetCoordinator {
  private static final Duration INTERVAL = Duration.ofSeconds(5);
  private static final Duration REFRESH = Duration.ofSeconds(30);

  private final FakeTime time = new FakeTime();
  private final MemoryRegistry registry = new MemoryRegistry();
  private double tableUnits = 1000;
  private int describes;

  /** Peers in memory, stamped with the fake clock. */
  private final class MemoryRegistry implements PeerRegistry {
    final Map<String, Long> beats = new HashMap<>();
    Double capacity;
    long publishedAt;
    boolean broken;

    @Override
    public void heartbeat(String self) throws IOException {
      if (broken) {
        throw new IOException("registry down");
      }
      beats.put(self, time.nanoTime());
    }

    @Override
    public Set<String> livePeers(Duration ttl) {
      long newest = beats.values().stream().mapToLong(Long::longValue).max().orElse(0);
      return beats.entrySet().stream()
          .filter(e -> e.getValue() >= newest - ttl.toNanos())
          .map(Map.Entry::getKey)
          .collect(Collectors.toSet());
    }

    @Override
    public void leave(String self) {
      beats.remove(self);
    }

    @Override
    public Optional<Published> publishedCapacity() {
      long newest = beats.values().stream().mapToLong(Long::longValue).max().orElse(0);
      return capacity == null
          ? Optional.empty()
          : Optional.of(new Published(capacity, Duration.ofNanos(newest - publishedAt)));
    }

    @Override
    public void publishCapacity(double unitsPerSecond) {
      capacity = unitsPerSecond;
      publishedAt = time.nanoTime();
    }
  }

  private BudgetCoordinator task(String name, CapacityBudget budget) {
    return new BudgetCoordinator(
        name,
        registry,
        budget,
        0.5,
        1000,
        () -> {
          describes++;
          return tableUnits;
        },
        INTERVAL,
        REFRESH);
  }

  private CapacityBudget budget() {
    return new CapacityBudget(125, Duration.ofSeconds(1), time, time);
  }

  @Test
  void runningTasksSplitTheJobRateAndFinishedTasksLeaveTheirShare() {
    CapacityBudget[] budgets = new CapacityBudget[4];
    BudgetCoordinator[] tasks = new BudgetCoordinator[4];
    for (int i = 0; i < 4; i++) {
      budgets[i] = budget();
      tasks[i] = task("task_" + i, budgets[i]);
    }
    for (BudgetCoordinator t : tasks) {
      t.tick();
    }
    for (BudgetCoordinator t : tasks) {
      t.tick();
    }
    assertEquals(125, budgets[3].rate(), 1e-9, "500 units/s among 4");

    tasks[0].close();
    tasks[1].close();
    tasks[2].tick();
    tasks[3].tick();
    assertEquals(250, budgets[2].rate(), 1e-9, "the two left take the whole job rate");
    assertEquals(250, budgets[3].rate(), 1e-9);
  }

  @Test
  void theFirstCountNeverRaisesThePlannedShare() {
    CapacityBudget first = budget();
    BudgetCoordinator alone = task("task_0", first);
    alone.tick();
    assertEquals(125, first.rate(), 1e-9, "its three peers may not have announced themselves yet");

    CapacityBudget crowded = new CapacityBudget(250, Duration.ofSeconds(1), time, time);
    task("task_1", budget()).tick();
    task("task_2", budget()).tick();
    task("task_3", crowded).tick();
    assertEquals(125, crowded.rate(), 1e-9, "more peers than planned lower the share at once");

    alone.tick();
    assertEquals(125, first.rate(), 1e-9, "from the second round on, the count decides");
    task("task_1", budget()).close();
    task("task_2", budget()).close();
    task("task_3", budget()).close();
    alone.tick();
    assertEquals(500, first.rate(), 1e-9, "and a task left alone takes the job's rate");
  }

  @Test
  void aTaskStartingAfterACapacityChangeTakesItsPlannedShareOfTheNewCapacity() {
    BudgetCoordinator[] first = new BudgetCoordinator[4];
    for (int i = 0; i < 4; i++) {
      first[i] = task("task_0" + i, budget());
      first[i].tick();
    }
    tableUnits = 1500;
    time.advance(REFRESH);
    for (BudgetCoordinator t : first) {
      t.tick();
    }
    first[3].close();

    // A task of the next wave starts at the share planned from 1,000 units/s, 125 units/s, with
    // three of the first wave still running: four share the job's rate.
    CapacityBudget next = budget();
    task("task_10", next).tick();
    assertEquals(
        187.5, next.rate(), 1e-9, "a quarter of 1,500 x 0.5, not of the 1,000 it was planned with");
  }

  @Test
  void aSilentPeerStopsCountingAfterThreeIntervals() {
    CapacityBudget mine = budget();
    BudgetCoordinator me = task("task_1", mine);
    task("task_0", budget()).tick(); // then dies without leaving
    me.tick();
    me.tick();
    assertEquals(250, mine.rate(), 1e-9);
    for (int i = 0; i < 4; i++) {
      time.advance(INTERVAL);
      me.tick();
    }
    assertEquals(500, mine.rate(), 1e-9);
  }

  @Test
  void theLeaderFollowsCapacityChangesAndOthersReadWhatItPublishes() {
    CapacityBudget leaderBudget = budget();
    CapacityBudget otherBudget = budget();
    BudgetCoordinator leader = task("a", leaderBudget);
    BudgetCoordinator other = task("b", otherBudget);
    leader.tick();
    other.tick();
    assertEquals(0, describes, "nothing is described before the refresh period");

    tableUnits = 4000; // auto scaling raised the table
    for (long waited = 0; waited < REFRESH.toSeconds(); waited += INTERVAL.toSeconds()) {
      time.advance(INTERVAL);
      leader.tick();
      other.tick();
    }
    assertEquals(1, describes, "only the leader describes the table");
    assertEquals(1000, leaderBudget.rate(), 1e-9, "4000 x 0.5 / 2");
    assertEquals(1000, otherBudget.rate(), 1e-9);
  }

  @Test
  void aJobOfTasksShorterThanTheRefreshStillFollowsTheCapacity() {
    CapacityBudget firstBudget = budget();
    BudgetCoordinator first = task("a", firstBudget);
    first.tick();
    assertEquals(1000, registry.capacity, "the first leader publishes the planned capacity");
    tableUnits = 2000;
    time.advance(Duration.ofSeconds(20));
    first.tick();
    first.close();

    CapacityBudget nextBudget = budget();
    BudgetCoordinator next = task("b", nextBudget);
    next.tick();
    next.tick();
    assertEquals(0, describes, "20 s: not due yet");
    time.advance(Duration.ofSeconds(10));
    next.tick();
    assertEquals(1, describes, "due 30 s after the first leader published");
    assertEquals(1000, nextBudget.rate(), 1e-9, "2000 x 0.5, alone");
  }

  @Test
  void anUnreachableRegistryKeepsTheRateAndNeverThrows() {
    CapacityBudget mine = budget();
    BudgetCoordinator me = task("x", mine);
    registry.broken = true;
    me.tick();
    me.tick();
    assertEquals(125, mine.rate(), 1e-9);
  }
}
