package io.ddbio.testkit.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The fault plan's checks and builders. */
class TestFaultPlan {
  @Test
  void buildsFromNone() {
    FaultPlan plan =
        FaultPlan.none()
            .withInternalServerErrors(0.1)
            .withServiceUnavailable(0.2)
            .withConnectionResets(0.3)
            .withThrottles(0.35)
            .withLatency(0.4, Duration.ofMillis(5), Duration.ofMillis(6))
            .withSeed(7);

    assertEquals(
        new FaultPlan(0.1, 0.2, 0.3, 0.35, 0.4, Duration.ofMillis(5), Duration.ofMillis(6), 7),
        plan);
  }

  @Test
  void rejectsRatesThatAreNotProbabilities() {
    assertThrows(
        IllegalArgumentException.class, () -> FaultPlan.none().withInternalServerErrors(-0.1));
    assertThrows(
        IllegalArgumentException.class, () -> FaultPlan.none().withServiceUnavailable(1.1));
    assertThrows(
        IllegalArgumentException.class, () -> FaultPlan.none().withConnectionResets(Double.NaN));
    assertThrows(
        IllegalArgumentException.class,
        () -> FaultPlan.none().withLatency(2, Duration.ZERO, Duration.ZERO));
  }

  @Test
  void rejectsFailureRatesAddingUpToMoreThanOne() {
    FaultPlan plan = FaultPlan.none().withInternalServerErrors(0.6);

    assertThrows(IllegalArgumentException.class, () -> plan.withServiceUnavailable(0.5));
  }

  @Test
  void rejectsNegativeOrMissingDelays() {
    assertThrows(
        IllegalArgumentException.class,
        () -> FaultPlan.none().withLatency(1, Duration.ofMillis(-1), Duration.ZERO));
    assertThrows(
        IllegalArgumentException.class,
        () -> FaultPlan.none().withLatency(1, Duration.ZERO, Duration.ofMillis(-1)));
    assertThrows(
        NullPointerException.class, () -> FaultPlan.none().withLatency(1, Duration.ZERO, null));
  }
}
