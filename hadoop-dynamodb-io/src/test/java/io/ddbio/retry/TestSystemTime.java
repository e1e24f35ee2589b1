package io.ddbio.retry;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TestSystemTime {

  @AfterEach
  void clearInterrupt() {
    Thread.interrupted();
  }

  @Test
  void systemClockDoesNotGoBackwards() {
    Clock clock = Clock.system();
    long first = clock.nanoTime();
    assertTrue(clock.nanoTime() >= first);
  }

  @Test
  void systemSleeperNoticesAnInterruptEvenForAZeroWait() {
    // An interrupted thread makes the sleeper throw at once, so nothing here really sleeps.
    Thread.currentThread().interrupt();
    assertThrows(InterruptedException.class, () -> Sleeper.system().sleep(Duration.ZERO));
    assertFalse(Thread.currentThread().isInterrupted(), "flag is cleared, as by Thread.sleep");

    Thread.currentThread().interrupt();
    assertThrows(InterruptedException.class, () -> Sleeper.system().sleep(Duration.ofDays(1)));
  }
}
