package io.ddbio.cli.throughput;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestThroughputChart {
  @TempDir Path tmp;

  private static ScenarioResult result() {
    TargetRate target = new TargetRate(100);
    target.change(105, 50);
    var seconds = Seconds.reads(100, 60, 100, 98, 102, 99, 90, 70, 52, 50, 49);
    return new ScenarioResult(
        new Scenario("export-test", Scenario.Job.EXPORT, 0.5, false, List.of()),
        0,
        seconds,
        target);
  }

  @Test
  void drawsTheConsumedLineTheTargetAndTheAxes() {
    BufferedImage image = ThroughputChart.render(result());

    assertEquals(ThroughputChart.WIDTH, image.getWidth());
    assertEquals(ThroughputChart.HEIGHT, image.getHeight());
    assertTrue(count(image, ThroughputChart.CONSUMED) > 200, "the consumed line");
    assertTrue(count(image, ThroughputChart.TARGET) > 200, "the target line");
    assertTrue(count(image, Color.WHITE) > image.getWidth() * image.getHeight() / 2, "background");
  }

  @Test
  void marksSecondsWithThrottledRequests() {
    ScenarioResult quiet = result();
    var seconds = new java.util.ArrayList<>(quiet.seconds());
    var s = seconds.get(3);
    seconds.set(
        3,
        new io.ddbio.testkit.emulator.TableStats.Second(
            s.second(), 10, 5, 0, s.readUnits(), s.writeUnits()));
    ScenarioResult throttled = new ScenarioResult(quiet.scenario(), 0, seconds, quiet.target());

    int legendOnly = count(ThroughputChart.render(quiet), ThroughputChart.THROTTLED);
    assertTrue(count(ThroughputChart.render(throttled), ThroughputChart.THROTTLED) > legendOnly);
  }

  @Test
  void writesAPng() throws Exception {
    Path png = tmp.resolve("charts/throughput-export-test.png");

    ThroughputChart.write(result(), png);

    BufferedImage read = ImageIO.read(png.toFile());
    assertEquals(ThroughputChart.WIDTH, read.getWidth());
    assertTrue(Files.size(png) > 1000);
  }

  @Test
  void stepsAreOneTwoOrFiveTimesAPowerOfTen() {
    assertEquals(1, ThroughputChart.niceStep(0.7), 1e-9);
    assertEquals(2, ThroughputChart.niceStep(1.5), 1e-9);
    assertEquals(50, ThroughputChart.niceStep(23), 1e-9);
    assertEquals(100, ThroughputChart.niceStep(51), 1e-9);
    assertEquals(1, ThroughputChart.niceStep(0), 1e-9);
  }

  private static int count(BufferedImage image, Color color) {
    int n = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        if (image.getRGB(x, y) == color.getRGB()) {
          n++;
        }
      }
    }
    return n;
  }
}
