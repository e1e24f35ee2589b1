package io.ddbio.cli.throughput;

import io.ddbio.testkit.emulator.Consumption;
import java.util.List;
import java.util.stream.Collectors;

/** The benchmark's results as a Markdown table, to paste into the performance notes. */
final class SummaryTable {
  private SummaryTable() {}

  static String markdown(List<ScenarioResult> results) {
    StringBuilder sb =
        new StringBuilder(
            "| scenario | job | seconds | target units/s | consumed units/s | consumed/target |"
                + " throttled/requests | unprocessed items | followed a change in |\n"
                + "|---|---|---:|---:|---:|---:|---:|---:|---|\n");
    for (ScenarioResult r : results) {
      Consumption job = r.job();
      String follows =
          r.follows().isEmpty()
              ? "—"
              : r.follows().stream()
                  .map(
                      f ->
                          String.format("%,.0f: ", f.change().unitsPerSecond())
                              + (f.seconds().isPresent()
                                  ? f.seconds().getAsInt() + " s"
                                  : "not followed"))
                  .collect(Collectors.joining("; "));
      sb.append(
          String.format(
              "| %s | %s | %d | %,.0f | %,.1f | %.1f%% | %,d / %,d (%.2f%%) | %,d | %s |%n",
              r.scenario().name(),
              r.exitStatus() == 0 ? "ok" : "failed",
              r.seconds().size(),
              job.targetUnits() / Math.max(1, job.seconds()),
              job.unitsPerSecond(),
              100 * job.ratio(),
              job.throttledRequests(),
              job.requests(),
              100 * job.throttledShare(),
              job.unprocessedItems(),
              follows));
    }
    return sb.toString();
  }
}
