package io.ddbio.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ddbio.testing.RecordingCounters;
import org.junit.jupiter.api.Test;

class TestPendingCounters {

  @Test
  void drainMovesEachCountOnce() {
    var pending = new PendingCounters();
    var target = new RecordingCounters();
    pending.add(DdbioCounter.SCAN_PAGES, 1);
    pending.add(DdbioCounter.SCAN_PAGES, 2);
    pending.addCapacity(DdbioCounter.READ_CAPACITY_MILLIUNITS, 0.5);
    pending.drainTo(target);
    pending.drainTo(target);
    assertEquals(3, target.get(DdbioCounter.SCAN_PAGES));
    assertEquals(500, target.get(DdbioCounter.READ_CAPACITY_MILLIUNITS));

    pending.add(DdbioCounter.SCAN_PAGES, 4);
    pending.drainTo(target);
    assertEquals(7, target.get(DdbioCounter.SCAN_PAGES));
  }

  @Test
  void countsFromAnotherThreadAreNotLost() throws InterruptedException {
    var pending = new PendingCounters();
    var target = new RecordingCounters();
    Thread adder =
        new Thread(
            () -> {
              for (int i = 0; i < 100_000; i++) {
                pending.add(DdbioCounter.SCAN_PAGES, 1);
              }
            });
    adder.start();
    for (int i = 0; i < 1000; i++) {
      pending.drainTo(target);
    }
    adder.join();
    pending.drainTo(target);
    assertEquals(100_000, target.get(DdbioCounter.SCAN_PAGES));
  }
}
