package io.ddbio.bench.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.util.List;

/**
 * One panel of horizontal bars in groups, drawn with Java2D: a title, then for each group its label
 * and its bars, each bar labelled with its name on the left and an annotation at its end. An
 * optional marker draws a dashed vertical line at a value (a limit or a target).
 */
final class BarPanel {
  private static final int TITLE_HEIGHT = 34;
  private static final int GROUP_LABEL_HEIGHT = 22;
  private static final int BAR_HEIGHT = 20;
  private static final int BAR_GAP = 6;
  private static final int GROUP_GAP = 12;
  private static final int LABEL_WIDTH = 230;
  private static final int ANNOTATION_WIDTH = 400;
  private static final int MARGIN = 20;

  /** One bar: its label, length, colour and the text drawn after it. */
  record Bar(String label, double value, Color color, String annotation) {}

  /** Bars drawn together under a label. */
  record Group(String label, List<Bar> bars) {}

  /** A dashed vertical line at {@code value}, labelled. */
  record Marker(double value, String label) {}

  private final String title;
  private final List<Group> groups;
  private final Marker marker;

  BarPanel(String title, List<Group> groups, Marker marker) {
    this.title = title;
    this.groups = groups;
    this.marker = marker;
  }

  /** The panel's height in pixels. */
  int height() {
    int h = TITLE_HEIGHT + MARGIN;
    for (Group g : groups) {
      h += GROUP_LABEL_HEIGHT + g.bars().size() * (BAR_HEIGHT + BAR_GAP) + GROUP_GAP;
    }
    return h;
  }

  /** Draws the panel with its top-left corner at {@code (0, top)}, {@code width} wide. */
  void draw(Graphics2D g, int top, int width) {
    double max = marker == null ? 0 : marker.value();
    for (Group group : groups) {
      for (Bar bar : group.bars()) {
        max = Math.max(max, bar.value());
      }
    }
    int x0 = MARGIN + LABEL_WIDTH;
    int barSpace = width - x0 - ANNOTATION_WIDTH - MARGIN;

    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 17));
    g.drawString(title, MARGIN, top + 24);

    int y = top + TITLE_HEIGHT;
    int barsTop = y;
    for (Group group : groups) {
      g.setColor(Color.DARK_GRAY);
      g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
      g.drawString(group.label(), MARGIN, y + 16);
      y += GROUP_LABEL_HEIGHT;
      for (Bar bar : group.bars()) {
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        FontMetrics fm = g.getFontMetrics();
        g.setColor(Color.BLACK);
        g.drawString(bar.label(), x0 - 8 - fm.stringWidth(bar.label()), y + 15);
        int length = max <= 0 ? 0 : (int) Math.round(barSpace * bar.value() / max);
        g.setColor(bar.color());
        g.fillRect(x0, y, Math.max(1, length), BAR_HEIGHT);
        g.setColor(Color.BLACK);
        g.drawString(bar.annotation(), x0 + length + 6, y + 15);
        y += BAR_HEIGHT + BAR_GAP;
      }
      y += GROUP_GAP;
    }
    if (marker != null && max > 0) {
      int x = x0 + (int) Math.round(barSpace * marker.value() / max);
      g.setColor(new Color(0xB0, 0x20, 0x20));
      g.setStroke(
          new BasicStroke(
              2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
      g.drawLine(x, barsTop, x, y - GROUP_GAP);
      g.setStroke(new BasicStroke(1f));
      g.setFont(new Font(Font.SANS_SERIF, Font.ITALIC, 12));
      g.drawString(marker.label(), x + 4, barsTop + 12);
    }
    g.setColor(new Color(0xDD, 0xDD, 0xDD));
    g.drawLine(MARGIN, top + height() - 4, width - MARGIN, top + height() - 4);
  }
}
