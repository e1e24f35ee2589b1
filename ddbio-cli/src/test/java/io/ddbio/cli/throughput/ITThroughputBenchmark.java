package io.ddbio.cli.throughput;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark command end to end at a tiny scale: one import scenario, its progress, summary,
 * Markdown table, CSV and chart. What it measures is not asserted here: that is the benchmark's
 * job, and the rate tests of the jobs bound it.
 */
class ITThroughputBenchmark {
  @TempDir Path tmp;

  @Test
  void anImportScenarioPrintsItsMeasuresAndWritesItsCsvAndChart() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int status =
        ThroughputBenchmark.run(
            new String[] {
              "--scenario",
              "import-0.5",
              "--capacity",
              "100",
              "--items",
              "80",
              "--map-threads",
              "2",
              "--splits",
              "4",
              "--work-dir",
              tmp.resolve("work").toString(),
              "--charts",
              tmp.resolve("charts").toString()
            },
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    String printed = out.toString(StandardCharsets.UTF_8);
    assertEquals(0, status, printed + err.toString(StandardCharsets.UTF_8));
    assertTrue(printed.contains("target 50 units/s"), printed);
    assertTrue(printed.matches("(?s).*import-0\\.5: succeeded in \\d+ s; consumed .*"), printed);
    assertTrue(printed.contains("| import-0.5 | ok |"), printed);
    List<String> csv = Files.readAllLines(tmp.resolve("work/throughput-import-0.5.csv"));
    assertEquals(ResultCsv.HEADER, csv.get(0));
    assertTrue(csv.size() > 3, "a row per second: " + csv);
    assertTrue(csv.get(1).startsWith("0,50.0,"), csv.get(1));
    Path png = tmp.resolve("charts/throughput-import-0.5.png");
    assertEquals(ThroughputChart.WIDTH, ImageIO.read(png.toFile()).getWidth());
    assertTrue(Files.exists(tmp.resolve("work/import-0.5-job.log")), "the job's log");
  }
}
