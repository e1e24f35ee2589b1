package io.ddbio.cli.throughput;

import io.ddbio.testkit.emulator.Consumption;
import io.ddbio.testkit.emulator.TableStats;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * What one scenario measured.
 *
 * @param scenario the scenario
 * @param exitStatus the tool's exit status: 0 when the job succeeded (the benchmark does not
 *     compare items; the fault tests do)
 * @param seconds the emulator's seconds of the job, consecutive, from its first request to its last
 * @param target the rate the job was meant to keep, second by second
 */
record ScenarioResult(
    Scenario scenario, int exitStatus, List<TableStats.Second> seconds, TargetRate target) {

  /**
   * How long the job took to follow one change of its target.
   *
   * @param change the second it changed (the emulator's) and the new target
   * @param seconds seconds to follow, empty if it did not (see {@link FollowTime})
   */
  record Follow(TargetRate.Step change, OptionalInt seconds) {}

  ScenarioResult {
    seconds = List.copyOf(seconds);
  }

  /** Reads for an export, writes for an import. */
  Consumption.Direction direction() {
    return scenario.direction();
  }

  /** The first second of the job, or 0 when it made no request. */
  long firstSecond() {
    return seconds.isEmpty() ? 0 : seconds.get(0).second();
  }

  /**
   * The whole job against its target, without its first and last second, which it fills only in
   * part.
   */
  Consumption job() {
    return Consumption.over(Consumption.inner(seconds), direction(), target);
  }

  /** The job's capacity units consumed in a second. */
  double units(TableStats.Second second) {
    return direction() == Consumption.Direction.READ ? second.readUnits() : second.writeUnits();
  }

  /** How long the job took to follow each capacity change. */
  List<Follow> follows() {
    List<TargetRate.Step> changes = target.changes();
    long last = seconds.isEmpty() ? 0 : seconds.get(seconds.size() - 1).second() - 1;
    List<Follow> follows = new ArrayList<>();
    for (int i = 0; i < changes.size(); i++) {
      long until = i + 1 < changes.size() ? changes.get(i + 1).fromSecond() - 1 : last;
      follows.add(
          new Follow(changes.get(i), FollowTime.of(seconds, direction(), changes.get(i), until)));
    }
    return follows;
  }
}
