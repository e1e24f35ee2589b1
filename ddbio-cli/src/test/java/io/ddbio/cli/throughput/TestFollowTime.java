package io.ddbio.cli.throughput;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ddbio.testkit.emulator.Consumption;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class TestFollowTime {
  private static final TargetRate.Step HALVED_AT_12 = new TargetRate.Step(12, 50);

  @Test
  void countsTheSecondsUntilFiveInARowAverageWithinFifteenPercent() {
    // Seconds 10..23: at 100 until 15, then 80, 62, 55, 52, 49, 50, 48, 51.
    var seconds = Seconds.reads(10, 100, 100, 100, 100, 100, 100, 80, 62, 55, 52, 49, 50, 48, 51);

    assertEquals(
        OptionalInt.of(5),
        FollowTime.of(seconds, Consumption.Direction.READ, HALVED_AT_12, 23),
        "17..21 average 53.6");
  }

  @Test
  void aSecondThatHappensToBeCloseIsNotEnough() {
    // A task starting at second 14 leaves one quiet second: 40 is within reach of 50, alone.
    var seconds = Seconds.reads(12, 100, 100, 40, 100, 100, 100, 100, 100);

    assertEquals(
        OptionalInt.empty(), FollowTime.of(seconds, Consumption.Direction.READ, HALVED_AT_12, 19));
  }

  @Test
  void aJobThatNeverGetsThereBeforeTheLimitDidNotFollow() {
    var seconds = Seconds.reads(10, 100, 100, 100, 100, 100, 100, 100, 60, 50, 50, 50, 50, 50);

    assertEquals(
        OptionalInt.empty(), FollowTime.of(seconds, Consumption.Direction.READ, HALVED_AT_12, 20));
    assertEquals(
        OptionalInt.of(5), FollowTime.of(seconds, Consumption.Direction.READ, HALVED_AT_12, 22));
  }

  @Test
  void writesAreReadFromTheWriteUnits() {
    var seconds = Seconds.reads(12, 50, 50, 50, 50, 50);

    assertEquals(
        OptionalInt.empty(), FollowTime.of(seconds, Consumption.Direction.WRITE, HALVED_AT_12, 16));
    assertEquals(
        OptionalInt.of(0), FollowTime.of(seconds, Consumption.Direction.READ, HALVED_AT_12, 16));
  }
}
