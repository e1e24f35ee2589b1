package io.ddbio.cli.throughput;

import io.ddbio.testkit.emulator.Consumption;
import io.ddbio.testkit.emulator.TableStats;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Draws one scenario as a PNG: the capacity units consumed each second against the target, with the
 * seconds that had throttled requests marked along the bottom. Plain Java2D, so the benchmark needs
 * no charting library.
 */
final class ThroughputChart {
  static final int WIDTH = 960;
  static final int HEIGHT = 420;
  static final Color CONSUMED = new Color(0x1f, 0x6f, 0xb4);
  static final Color TARGET = new Color(0xe0, 0x7b, 0x00);
  static final Color THROTTLED = new Color(0xc6, 0x28, 0x28);

  private static final int LEFT = 80;
  private static final int RIGHT = 24;
  private static final int TOP = 56;
  private static final int BOTTOM = 56;
  private static final int THROTTLE_MARK = 12;

  private ThroughputChart() {}

  /** Renders {@code result} and writes it to {@code png}, creating its folder. */
  static void write(ScenarioResult result, Path png) throws IOException {
    Files.createDirectories(png.toAbsolutePath().getParent());
    if (!ImageIO.write(render(result), "png", png.toFile())) {
      throw new IOException("No PNG writer in this Java runtime; cannot write " + png);
    }
  }

  /** The chart as an image. */
  static BufferedImage render(ScenarioResult result) {
    BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, WIDTH, HEIGHT);
      new Plot(g, result).draw();
    } finally {
      g.dispose();
    }
    return image;
  }

  /** One drawing: the scales and the marks. */
  private static final class Plot {
    private final Graphics2D g;
    private final ScenarioResult result;
    private final List<TableStats.Second> seconds;
    private final long first;
    private final int span;
    private final double top;
    private final double step;

    Plot(Graphics2D g, ScenarioResult result) {
      this.g = g;
      this.result = result;
      this.seconds = result.seconds();
      this.first = result.firstSecond();
      this.span = Math.max(1, seconds.size());
      double highest = 1;
      for (TableStats.Second s : seconds) {
        highest =
            Math.max(highest, Math.max(result.units(s), result.target().applyAsDouble(s.second())));
      }
      this.step = niceStep(highest * 1.15 / 5);
      this.top = step * Math.ceil(highest * 1.15 / step);
    }

    void draw() {
      axes();
      throttles();
      target();
      consumed();
      legend();
    }

    private double x(double secondFromStart) {
      return LEFT + secondFromStart * (WIDTH - LEFT - RIGHT) / span;
    }

    private double y(double units) {
      return HEIGHT - BOTTOM - units * (HEIGHT - TOP - BOTTOM) / top;
    }

    private void axes() {
      g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
      for (double u = 0; u <= top + 1e-9; u += step) {
        int py = (int) Math.round(y(u));
        g.setColor(new Color(0xe6, 0xe6, 0xe6));
        g.drawLine(LEFT, py, WIDTH - RIGHT, py);
        g.setColor(Color.DARK_GRAY);
        String label = String.format("%,.0f", u);
        g.drawString(label, LEFT - 8 - g.getFontMetrics().stringWidth(label), py + 4);
      }
      int tick = niceStep(span / 10.0) < 1 ? 1 : (int) niceStep(span / 10.0);
      for (int s = 0; s <= span; s += tick) {
        int px = (int) Math.round(x(s));
        g.setColor(Color.DARK_GRAY);
        g.drawLine(px, HEIGHT - BOTTOM, px, HEIGHT - BOTTOM + 4);
        String label = Integer.toString(s);
        g.drawString(label, px - g.getFontMetrics().stringWidth(label) / 2, HEIGHT - BOTTOM + 18);
      }
      g.drawLine(LEFT, TOP, LEFT, HEIGHT - BOTTOM);
      g.drawLine(LEFT, HEIGHT - BOTTOM, WIDTH - RIGHT, HEIGHT - BOTTOM);
      g.drawString("seconds since the job's first request", WIDTH / 2 - 110, HEIGHT - 16);
      g.rotate(-Math.PI / 2);
      g.drawString("capacity units / s", -(HEIGHT + 100) / 2, 18);
      g.rotate(Math.PI / 2);

      Consumption job = result.job();
      g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
      g.setColor(Color.BLACK);
      g.drawString(result.scenario().name(), LEFT, 22);
      g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
      g.drawString(
          String.format(
              "consumed/target over the job %.1f%%   throttled %,d of %,d requests (%.2f%%)",
              100 * job.ratio(),
              job.throttledRequests(),
              job.requests(),
              100 * job.throttledShare()),
          LEFT,
          40);
    }

    /** A red mark under each second with throttled requests, taller the larger their share. */
    private void throttles() {
      g.setColor(THROTTLED);
      for (TableStats.Second s : seconds) {
        if (s.throttledRequests() > 0 && s.requests() > 0) {
          double share = Math.min(1, (double) s.throttledRequests() / s.requests());
          int h = (int) Math.max(2, Math.round(share * THROTTLE_MARK * 3));
          int px = (int) Math.round(x(s.second() - first));
          int w = Math.max(2, (int) Math.round(x(1) - x(0)) - 1);
          g.fillRect(px, HEIGHT - BOTTOM - h, w, h);
        }
      }
    }

    private void target() {
      Path2D.Double line = new Path2D.Double();
      for (int i = 0; i < seconds.size(); i++) {
        double units = result.target().applyAsDouble(seconds.get(i).second());
        if (i == 0) {
          line.moveTo(x(0), y(units));
        } else {
          line.lineTo(x(i), y(units));
        }
        line.lineTo(x(i + 1), y(units));
      }
      g.setColor(TARGET);
      g.setStroke(
          new BasicStroke(
              2.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {8, 5}, 0));
      g.draw(line);
    }

    /** One point per second, in the middle of the second. */
    private void consumed() {
      Path2D.Double line = new Path2D.Double();
      for (int i = 0; i < seconds.size(); i++) {
        double px = x(i + 0.5);
        double py = y(result.units(seconds.get(i)));
        if (i == 0) {
          line.moveTo(px, py);
        } else {
          line.lineTo(px, py);
        }
      }
      g.setColor(CONSUMED);
      g.setStroke(new BasicStroke(2f));
      g.draw(line);
    }

    private void legend() {
      int lx = WIDTH - RIGHT - 330;
      int ly = 22;
      g.setStroke(new BasicStroke(2.5f));
      g.setColor(CONSUMED);
      g.drawLine(lx, ly - 4, lx + 24, ly - 4);
      g.setColor(Color.BLACK);
      g.drawString("consumed", lx + 30, ly);
      g.setColor(TARGET);
      g.drawLine(lx + 100, ly - 4, lx + 124, ly - 4);
      g.setColor(Color.BLACK);
      g.drawString("target", lx + 130, ly);
      g.setColor(THROTTLED);
      g.fillRect(lx + 185, ly - 10, 10, 10);
      g.setColor(Color.BLACK);
      g.drawString("throttled requests", lx + 200, ly);
    }
  }

  /** 1, 2 or 5 times a power of ten, at least {@code rough}. */
  static double niceStep(double rough) {
    if (!(rough > 0)) {
      return 1;
    }
    double power = Math.pow(10, Math.floor(Math.log10(rough)));
    for (double m : new double[] {1, 2, 5, 10}) {
      if (m * power >= rough) {
        return m * power;
      }
    }
    return 10 * power;
  }
}
