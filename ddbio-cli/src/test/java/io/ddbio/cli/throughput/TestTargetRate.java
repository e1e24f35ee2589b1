package io.ddbio.cli.throughput;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TestTargetRate {
  @Test
  void stepsAtEachChange() {
    TargetRate target = new TargetRate(500);
    target.change(20, 250);
    target.change(60, 750);

    assertEquals(500, target.applyAsDouble(-5));
    assertEquals(500, target.applyAsDouble(19));
    assertEquals(250, target.applyAsDouble(20));
    assertEquals(250, target.applyAsDouble(59));
    assertEquals(750, target.applyAsDouble(1_000));
    assertEquals(
        List.of(new TargetRate.Step(20, 250), new TargetRate.Step(60, 750)), target.changes());
  }

  @Test
  void aChangeReplacesLaterOnes() {
    TargetRate target = new TargetRate(500);
    target.change(60, 750);
    target.change(20, 250);

    assertEquals(List.of(new TargetRate.Step(20, 250)), target.changes());
    assertEquals(250, target.applyAsDouble(70));
  }
}
