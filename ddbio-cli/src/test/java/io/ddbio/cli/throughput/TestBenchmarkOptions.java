package io.ddbio.cli.throughput;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbio.tool.UsageException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class TestBenchmarkOptions {
  @Test
  void defaultsRunEveryScenarioAtAThousandUnits() {
    BenchmarkOptions o = BenchmarkOptions.parse(new String[0]);

    assertEquals(Scenario.all(), o.scenarios());
    assertEquals(1000, o.capacity());
    assertEquals(30, o.seconds());
    assertTrue(o.items().isEmpty());
    assertTrue(o.splits() > o.mapThreads(), "more splits than map threads");
    assertEquals(Path.of("docs/images").toAbsolutePath(), o.chartDir());
  }

  @Test
  void oneScenarioAndTheSizes() {
    BenchmarkOptions o =
        BenchmarkOptions.parse(
            new String[] {
              "--scenario", "import-1.0", "--capacity", "200", "--items", "500", "--seconds", "9"
            });

    assertEquals(List.of("import-1.0"), o.scenarios().stream().map(Scenario::name).toList());
    assertEquals(200, o.capacity());
    assertEquals(500, o.items().getAsInt());
    assertEquals(9, o.seconds());
  }

  @Test
  void mistakesAreUsageErrors() {
    assertThrows(
        UsageException.class, () -> BenchmarkOptions.parse(new String[] {"--scenario", "nope"}));
    assertThrows(
        UsageException.class, () -> BenchmarkOptions.parse(new String[] {"--capacity", "0"}));
    assertThrows(
        UsageException.class,
        () -> BenchmarkOptions.parse(new String[] {"--splits", "4", "--map-threads", "4"}));
    assertThrows(UsageException.class, () -> BenchmarkOptions.parse(new String[] {"extra"}));
    assertThrows(UsageException.class, () -> BenchmarkOptions.parse(new String[] {"--nope"}));
  }

  @Test
  void everyScenarioHasAUniqueNameAndChangesOnlyProvisionedCapacity() {
    List<Scenario> all = Scenario.all();
    assertEquals(all.size(), all.stream().map(Scenario::name).distinct().count());
    for (Scenario s : all) {
      assertTrue(s.changes().isEmpty() || !s.onDemand(), s.name());
    }
  }
}
