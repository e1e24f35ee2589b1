package io.ddbio.testkit.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The fault draws: their rates over many draws, their delays, and their reproducibility. */
class TestFaultDice {
  private static final int DRAWS = 200_000;

  private static final FaultPlan PLAN =
      FaultPlan.none()
          .withInternalServerErrors(0.10)
          .withServiceUnavailable(0.05)
          .withConnectionResets(0.02)
          .withThrottles(0.20)
          .withLatency(0.25, Duration.ofMillis(10), Duration.ofMillis(5))
          .withSeed(20120810);

  @Test
  void drawsEachFaultAtItsRate() {
    FaultDice dice = new FaultDice(PLAN);
    Map<Fault, Integer> counts = new EnumMap<>(Fault.class);
    for (int i = 0; i < DRAWS; i++) {
      FaultDice.Draw draw = dice.draw();
      if (draw.failure() != null) {
        counts.merge(draw.failure(), 1, Integer::sum);
      }
      if (draw.delayNanos() > 0) {
        counts.merge(Fault.LATENCY, 1, Integer::sum);
      }
    }

    // Four standard deviations of a binomial count at these rates are well under 0.005.
    assertRate(0.10, counts.get(Fault.INTERNAL_SERVER_ERROR));
    assertRate(0.05, counts.get(Fault.SERVICE_UNAVAILABLE));
    assertRate(0.02, counts.get(Fault.CONNECTION_RESET));
    assertRate(0.20, counts.get(Fault.THROTTLED));
    assertRate(0.25, counts.get(Fault.LATENCY));
  }

  private static void assertRate(double expected, int count) {
    double rate = count / (double) DRAWS;
    assertEquals(expected, rate, 0.005, "rate " + rate + " for expected " + expected);
  }

  @Test
  void delaysByTheFixedPartPlusAtMostTheJitter() {
    FaultDice dice = new FaultDice(PLAN);
    long shortest = Long.MAX_VALUE;
    long longest = 0;
    for (int i = 0; i < DRAWS; i++) {
      long delay = dice.draw().delayNanos();
      if (delay > 0) {
        shortest = Math.min(shortest, delay);
        longest = Math.max(longest, delay);
      }
    }
    long fixed = Duration.ofMillis(10).toNanos();
    long jitter = Duration.ofMillis(5).toNanos();
    assertTrue(shortest >= fixed, "shortest " + shortest);
    assertTrue(longest <= fixed + jitter, "longest " + longest);
    assertTrue(longest - shortest > jitter * 0.99, "the jitter is spread over its whole range");
  }

  @Test
  void theSameSeedDrawsTheSameSequence() {
    assertEquals(draws(new FaultDice(PLAN), 1000), draws(new FaultDice(PLAN), 1000));
    assertTrue(
        !draws(new FaultDice(PLAN), 1000).equals(draws(new FaultDice(PLAN.withSeed(1)), 1000)),
        "another seed, another sequence");
  }

  private static List<FaultDice.Draw> draws(FaultDice dice, int count) {
    List<FaultDice.Draw> draws = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      draws.add(dice.draw());
    }
    return draws;
  }

  @Test
  void noFaultsByDefault() {
    FaultDice dice = new FaultDice(FaultPlan.none());
    for (int i = 0; i < 10_000; i++) {
      FaultDice.Draw draw = dice.draw();
      assertNull(draw.failure());
      assertEquals(0, draw.delayNanos());
    }
  }

  @Test
  void addingThrottlesKeepsTheOtherDrawsOfTheSeed() {
    FaultPlan without = FaultPlan.none().withInternalServerErrors(0.1).withSeed(3);
    List<FaultDice.Draw> before = draws(new FaultDice(without), 1000);
    List<FaultDice.Draw> after = draws(new FaultDice(without.withThrottles(0.3)), 1000);
    for (int i = 0; i < before.size(); i++) {
      if (before.get(i).failure() != null) {
        assertEquals(before.get(i), after.get(i), "draw " + i);
      }
    }
    assertTrue(after.stream().anyMatch(d -> d.failure() == Fault.THROTTLED));
  }

  @Test
  void aRateOfOneFailsEveryRequest() {
    FaultDice dice = new FaultDice(FaultPlan.none().withConnectionResets(1));
    for (int i = 0; i < 10_000; i++) {
      assertEquals(Fault.CONNECTION_RESET, dice.draw().failure());
    }
  }
}
