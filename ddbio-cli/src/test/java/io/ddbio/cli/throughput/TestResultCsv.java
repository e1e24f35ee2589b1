package io.ddbio.cli.throughput;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ddbio.testkit.emulator.TableStats;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestResultCsv {
  @TempDir Path tmp;

  @Test
  void oneRowPerSecondFromTheJobsFirstSecond() throws Exception {
    TargetRate target = new TargetRate(250);
    target.change(41, 125);
    ScenarioResult result =
        new ScenarioResult(
            new Scenario("import-test", Scenario.Job.IMPORT, 0.5, false, List.of()),
            0,
            List.of(
                new TableStats.Second(40, 12, 1, 3, 0, 249.5),
                new TableStats.Second(41, 6, 0, 0, 0, 126)),
            target);
    Path csv = tmp.resolve("t.csv");

    ResultCsv.write(result, csv);

    assertEquals(
        List.of(ResultCsv.HEADER, "0,250.0,249.5,12,1,3", "1,125.0,126.0,6,0,0"),
        Files.readAllLines(csv));
  }
}
