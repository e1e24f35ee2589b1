package io.ddbio.retry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TestHeartbeatSleeper {
  private final List<String> events = new ArrayList<>();
  private final Sleeper recording = d -> events.add("sleep " + d.toMillis());
  private final Runnable beat = () -> events.add("beat");

  @Test
  void aLongWaitIsSlicedWithAHeartbeatBeforeEachSlice() throws Exception {
    new HeartbeatSleeper(recording, beat, Duration.ofSeconds(1)).sleep(Duration.ofMillis(2500));
    assertEquals(List.of("beat", "sleep 1000", "beat", "sleep 1000", "beat", "sleep 500"), events);
  }

  @Test
  void aShortOrZeroWaitStillBeatsOnceAndLetsTheSleeperSeeIt() throws Exception {
    HeartbeatSleeper s = new HeartbeatSleeper(recording, beat, Duration.ofSeconds(1));
    s.sleep(Duration.ofMillis(10));
    s.sleep(Duration.ZERO);
    assertEquals(List.of("beat", "sleep 10", "beat", "sleep 0"), events);
  }

  @Test
  void anInterruptEndsTheWholeWait() {
    Sleeper interrupted =
        d -> {
          events.add("sleep " + d.toMillis());
          throw new InterruptedException();
        };
    HeartbeatSleeper s = new HeartbeatSleeper(interrupted, beat, Duration.ofSeconds(1));
    assertThrows(InterruptedException.class, () -> s.sleep(Duration.ofSeconds(5)));
    assertEquals(List.of("beat", "sleep 1000"), events);
  }

  @Test
  void theSliceMustBePositive() {
    assertThrows(
        IllegalArgumentException.class, () -> new HeartbeatSleeper(recording, beat, Duration.ZERO));
  }
}
