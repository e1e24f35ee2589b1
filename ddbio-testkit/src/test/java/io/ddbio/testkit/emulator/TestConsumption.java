package io.ddbio.testkit.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TestConsumption {
  private static final List<TableStats.Second> JOB =
      List.of(
          new TableStats.Second(7, 4, 0, 0, 20, 1),
          new TableStats.Second(8, 10, 1, 0, 100, 2),
          new TableStats.Second(9, 10, 0, 5, 90, 3),
          new TableStats.Second(10, 10, 1, 0, 110, 4),
          new TableStats.Second(11, 2, 0, 0, 30, 5));

  @Test
  void sumsTheSecondsAgainstTheTargetInForceInEach() {
    Consumption c =
        Consumption.over(JOB, Consumption.Direction.READ, second -> second < 10 ? 100 : 50);

    assertEquals(5, c.seconds());
    assertEquals(350, c.units(), 1e-9);
    assertEquals(400, c.targetUnits(), 1e-9);
    assertEquals(36, c.requests());
    assertEquals(2, c.throttledRequests());
    assertEquals(5, c.unprocessedItems());
    assertEquals(350.0 / 400, c.ratio(), 1e-9);
    assertEquals(70, c.unitsPerSecond(), 1e-9);
    assertEquals(2.0 / 36, c.throttledShare(), 1e-9);
    assertEquals(15, Consumption.over(JOB, Consumption.Direction.WRITE, s -> 1).units(), 1e-9);
  }

  @Test
  void theInnerSecondsLeaveOutTheFirstAndLast() {
    Consumption inner =
        Consumption.over(Consumption.inner(JOB), Consumption.Direction.READ, s -> 100);

    assertEquals(3, inner.seconds());
    assertEquals(1.0, inner.ratio(), 1e-9);
    assertEquals(List.of(), Consumption.inner(JOB.subList(0, 2)));
  }

  @Test
  void betweenKeepsTheSecondsInTheRangeBothEndsIncluded() {
    assertEquals(JOB.subList(1, 4), Consumption.between(JOB, 8, 10));
    assertEquals(List.of(), Consumption.between(JOB, 12, 20));
  }

  @Test
  void nothingMeasuredIsNotANumberAndNothingThrottled() {
    Consumption none = Consumption.over(List.of(), Consumption.Direction.READ, s -> 100);

    assertTrue(Double.isNaN(none.ratio()));
    assertTrue(Double.isNaN(none.unitsPerSecond()));
    assertEquals(0, none.throttledShare());
  }

  @Test
  void outsideNamesTheBoundMissed() {
    Consumption c = Consumption.over(JOB, Consumption.Direction.READ, s -> 100);

    assertEquals(java.util.Optional.empty(), c.outside(0.6, 1.1, 0.06));
    assertTrue(c.outside(0.9, 1.1, 0.06).orElseThrow().startsWith("consumed/target 0.7 "));
    assertTrue(c.outside(0.6, 1.1, 0.05).orElseThrow().startsWith("throttled share "));
    assertTrue(
        Consumption.over(List.of(), Consumption.Direction.READ, s -> 100)
            .outside(0.6, 1.1, 0.05)
            .isPresent(),
        "nothing measured is outside any bound");
  }
}
