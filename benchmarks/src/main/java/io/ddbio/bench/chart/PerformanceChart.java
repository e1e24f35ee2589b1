package io.ddbio.bench.chart;

import io.ddbio.bench.corpus.RealisticItems;
import io.ddbio.tool.Arguments;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * Draws {@code docs/images/performance.png} from the benchmarks' result files, and prints the same
 * figures as Markdown tables for {@code docs/PERFORMANCE.md}.
 *
 * <p>Usage: {@code PerformanceChart --out PNG [--jmh jmh.json] [--codec-cpu codec.properties]
 * [--e2e e2e.properties] [--memory memory.properties] [--note TEXT]}; a panel is drawn for each
 * result file given.
 */
public final class PerformanceChart {
  private static final int WIDTH = 1200;
  private static final Color OURS = new Color(0x2A, 0x6F, 0xBF);
  private static final Color OURS_ALT = new Color(0x6C, 0xA0, 0xDC);
  private static final Color LIMIT = new Color(0x99, 0x99, 0x99);
  private static final Color LIMIT_ALT = new Color(0xBB, 0xBB, 0xBB);

  private static final List<String> DECODE_PASSES =
      List.of(
          "dataPipelineDecode",
          "dynamoDbJsonDecode",
          "yardstickDecode",
          "yardstickDecodeWithStrings");
  private static final List<String> BARE_DECODE_PASSES =
      List.of("bareSdkDecode", "bareSdkDecodeReusedBuilders");
  private static final List<String> ENCODE_PASSES =
      List.of("dataPipelineEncode", "dynamoDbJsonEncode", "yardstickEncode");

  /** The JMH benchmarks, in the order the tables list them. */
  private static final List<String> JMH_PASSES =
      Stream.of(DECODE_PASSES, ENCODE_PASSES).flatMap(List::stream).toList();

  /** The CPU-time passes: the JMH ones, and after the decoders the bare SDK references. */
  private static final List<String> CPU_PASSES =
      Stream.of(DECODE_PASSES, BARE_DECODE_PASSES, ENCODE_PASSES).flatMap(List::stream).toList();

  private PerformanceChart() {}

  /** Reads the result files, writes the PNG, prints the tables. */
  public static void main(String[] args) throws IOException {
    Arguments a =
        Arguments.parse(args, Set.of("out", "jmh", "codec-cpu", "e2e", "memory", "note"), Set.of());
    Path out = Path.of(a.option("out").orElseThrow(() -> new IllegalArgumentException("--out")));
    List<BarPanel> panels = new ArrayList<>();
    Optional<Path> jmh = a.option("jmh").map(Path::of);
    if (jmh.isPresent()) {
      CodecResults codec = CodecResults.read(jmh.get());
      panels.add(codecPanel(codec));
      System.out.println(codecTable(codec));
    }
    Optional<Path> codecCpu = a.option("codec-cpu").map(Path::of);
    if (codecCpu.isPresent()) {
      Properties p = load(codecCpu.get());
      panels.add(codecCpuPanel(p));
      System.out.println(codecCpuTable(p));
    }
    Optional<Path> e2e = a.option("e2e").map(Path::of);
    if (e2e.isPresent()) {
      Properties p = load(e2e.get());
      panels.add(e2ePanel(p));
    }
    Optional<Path> memory = a.option("memory").map(Path::of);
    if (memory.isPresent()) {
      panels.add(memoryPanel(load(memory.get())));
    }
    render(panels, a.option("note").orElse(""), out);
    System.out.println("Chart written to " + out);
  }

  private static BarPanel codecPanel(CodecResults codec) {
    List<BarPanel.Group> groups = new ArrayList<>();
    for (String op : List.of("Decode", "Encode")) {
      for (RealisticItems.Profile profile : codec.profiles()) {
        String yardstick = "yardstick" + op;
        List<BarPanel.Bar> bars = new ArrayList<>();
        bars.add(codecBar(codec, profile, "dataPipeline" + op, yardstick, "Data Pipeline", OURS));
        bars.add(
            codecBar(codec, profile, "dynamoDbJson" + op, yardstick, "DynamoDB JSON", OURS_ALT));
        bars.add(
            new BarPanel.Bar(
                "Jackson yardstick",
                codec.megabytesPerSecond(profile, yardstick),
                LIMIT,
                String.format(
                    "%.0f MB/s, %,.0f items/s",
                    codec.megabytesPerSecond(profile, yardstick),
                    codec.score(profile, yardstick).itemsPerSecond())));
        groups.add(
            new BarPanel.Group(
                op
                    + ", "
                    + profile
                    + " items ("
                    + String.format("%.0f", codec.bytesPerItem(profile))
                    + " bytes per line on average)",
                bars));
      }
    }
    return new BarPanel(
        "Codecs, one core: MB/s of lines (higher is better; target: at most 1.5x the yardstick's"
            + " time)",
        groups,
        null);
  }

  /**
   * The codecs from {@code CpuTimeRatios}: MB of lines per second of thread CPU time, which a busy
   * machine skews far less than JMH's wall-clock scores.
   */
  private static BarPanel codecCpuPanel(Properties p) {
    List<BarPanel.Group> groups = new ArrayList<>();
    for (String op : List.of("Decode", "Encode")) {
      for (RealisticItems.Profile profile : RealisticItems.Profile.values()) {
        if (p.getProperty(profile + ".bytesPerItem") == null) {
          continue;
        }
        double bytes = Double.parseDouble(p.getProperty(profile + ".bytesPerItem"));
        String yardstick = "yardstick" + op;
        double yardNs = nanosPerItem(p, profile, yardstick);
        List<BarPanel.Bar> bars = new ArrayList<>();
        for (String[] codec :
            List.of(
                new String[] {"dataPipeline" + op, "Data Pipeline"},
                new String[] {"dynamoDbJson" + op, "DynamoDB JSON"})) {
          double ns = nanosPerItem(p, profile, codec[0]);
          double times = ns / yardNs;
          bars.add(
              new BarPanel.Bar(
                  codec[1],
                  bytes / ns * 1e3,
                  codec[0].startsWith("data") ? OURS : OURS_ALT,
                  String.format(
                      "%.0f MB/s, %.0f ns/item, %.2fx yardstick%s",
                      bytes / ns * 1e3, ns, times, times <= 1.5 ? "" : " (missed)")));
        }
        bars.add(
            new BarPanel.Bar(
                "Jackson yardstick",
                bytes / yardNs * 1e3,
                LIMIT,
                String.format("%.0f MB/s, %.0f ns/item", bytes / yardNs * 1e3, yardNs)));
        groups.add(
            new BarPanel.Group(
                String.format("%s, %s items (%.0f bytes per line)", op, profile, bytes), bars));
      }
    }
    return new BarPanel(
        "Codecs, MB of lines per second of thread CPU (target: at most 1.5x the yardstick's time)",
        groups,
        null);
  }

  private static double nanosPerItem(Properties p, RealisticItems.Profile profile, String method) {
    String value = p.getProperty(profile + "." + method + ".nanosPerItem");
    if (value == null) {
      throw new IllegalArgumentException("no result for " + method + " on " + profile);
    }
    return Double.parseDouble(value);
  }

  private static String codecCpuTable(Properties p) {
    StringBuilder t = new StringBuilder();
    t.append("| profile | pass | ns/item (thread CPU) | MB/s per core | x yardstick time |\n");
    t.append("|---|---|---:|---:|---:|\n");
    for (RealisticItems.Profile profile : RealisticItems.Profile.values()) {
      if (p.getProperty(profile + ".bytesPerItem") == null) {
        continue;
      }
      double bytes = Double.parseDouble(p.getProperty(profile + ".bytesPerItem"));
      for (String method : CPU_PASSES) {
        if (p.getProperty(profile + "." + method + ".nanosPerItem") == null) {
          continue;
        }
        double ns = nanosPerItem(p, profile, method);
        String yardstick = method.endsWith("Encode") ? "yardstickEncode" : "yardstickDecode";
        t.append(
            String.format(
                "| %s | %s | %,.0f | %.1f | %.2f |%n",
                profile, method, ns, bytes / ns * 1e3, ns / nanosPerItem(p, profile, yardstick)));
      }
    }
    return t.toString();
  }

  private static BarPanel.Bar codecBar(
      CodecResults codec,
      RealisticItems.Profile profile,
      String method,
      String yardstick,
      String label,
      Color color) {
    double mbs = codec.megabytesPerSecond(profile, method);
    double times = codec.timesYardstick(profile, method, yardstick);
    return new BarPanel.Bar(
        label,
        mbs,
        color,
        String.format(
            "%.0f MB/s, %,.0f items/s, %.2fx yardstick%s",
            mbs,
            codec.score(profile, method).itemsPerSecond(),
            times,
            times <= 1.5 ? "" : " (missed)"));
  }

  private static BarPanel e2ePanel(Properties p) {
    List<BarPanel.Group> groups = new ArrayList<>();
    groups.add(
        e2eGroup(
            p, "Export: table to files", "raw scan", "raw scan +RCC", "export (ours)", "export"));
    groups.add(
        e2eGroup(
            p,
            "Import: files to table",
            "raw batch write",
            "raw write +RCC",
            "import (ours)",
            "import"));
    return new BarPanel(
        String.format(
            "DynamoDB Local, items/s (T=%s, %,d items, pages of %s, %s round(s); target >= 0.90 of"
                + " raw)",
            p.getProperty("threads"),
            Long.parseLong(p.getProperty("items")),
            p.getProperty("pageLimit"),
            p.getProperty("rounds")),
        groups,
        null);
  }

  private static BarPanel.Group e2eGroup(
      Properties p, String label, String rawPhase, String rccPhase, String oursPhase, String key) {
    double raw = rate(p, rawPhase);
    double rcc = rate(p, rccPhase);
    double ours = rate(p, oursPhase);
    double ratio = Double.parseDouble(p.getProperty("ratio." + key));
    double ratioRcc = Double.parseDouble(p.getProperty("ratio." + key + "Rcc"));
    return new BarPanel.Group(
        label,
        List.of(
            new BarPanel.Bar(
                rawPhase + " (limit)", raw, LIMIT, String.format("%,.0f items/s", raw)),
            new BarPanel.Bar(
                rccPhase,
                rcc,
                LIMIT_ALT,
                String.format("%,.0f items/s (raw, asking for consumed capacity)", rcc)),
            new BarPanel.Bar(
                oursPhase,
                ours,
                OURS,
                String.format(
                    "%,.0f items/s = %.2f of raw%s, %.2f of +RCC",
                    ours, ratio, ratio >= 0.9 ? "" : " (missed)", ratioRcc))));
  }

  private static double rate(Properties p, String phase) {
    for (int i = 0; p.getProperty("phase." + i + ".name") != null; i++) {
      if (p.getProperty("phase." + i + ".name").equals(phase)) {
        return Double.parseDouble(p.getProperty("phase." + i + ".itemsPerSecond"));
      }
    }
    throw new IllegalArgumentException("no phase " + phase + " in the e2e results");
  }

  private static BarPanel memoryPanel(Properties p) {
    double mb = 1024.0 * 1024.0;
    double max = Long.parseLong(p.getProperty("maxHeap")) / mb;
    double peak = Long.parseLong(p.getProperty("peakUsed")) / mb;
    double afterGc = Long.parseLong(p.getProperty("maxUsedAfterGc")) / mb;
    return new BarPanel(
        String.format(
            "Heap of one export map task over %,d items with -Xmx%s: %s",
            Long.parseLong(p.getProperty("items", "0")),
            p.getProperty("taskHeap"),
            Boolean.parseBoolean(p.getProperty("success")) ? "succeeded" : "FAILED"),
        List.of(
            new BarPanel.Group(
                "MB of heap",
                List.of(
                    new BarPanel.Bar(
                        "peak used",
                        peak,
                        OURS,
                        String.format("%.0f MB (sum of pool peaks)", peak)),
                    new BarPanel.Bar(
                        "largest after a GC",
                        afterGc,
                        OURS_ALT,
                        String.format("%.0f MB (upper bound of live data)", afterGc))))),
        new BarPanel.Marker(max, String.format("max heap %.0f MB", max)));
  }

  private static String codecTable(CodecResults codec) {
    StringBuilder t = new StringBuilder();
    t.append("| profile | benchmark | items/s (1 core) | MB/s | x yardstick time |\n");
    t.append("|---|---|---:|---:|---:|\n");
    for (RealisticItems.Profile profile : codec.profiles()) {
      for (String method : JMH_PASSES) {
        if (!codec.has(profile, method)) {
          continue;
        }
        String yardstick = method.endsWith("Encode") ? "yardstickEncode" : "yardstickDecode";
        CodecResults.Score s = codec.score(profile, method);
        t.append(
            String.format(
                "| %s | %s | %,.0f%s | %.1f | %.2f |%n",
                profile,
                method,
                s.itemsPerSecond(),
                Double.isFinite(s.error()) ? String.format(" ± %,.0f", s.error()) : "",
                codec.megabytesPerSecond(profile, method),
                codec.timesYardstick(profile, method, yardstick)));
      }
    }
    return t.toString();
  }

  private static Properties load(Path file) throws IOException {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(r);
    }
    return p;
  }

  private static void render(List<BarPanel> panels, String note, Path out) throws IOException {
    int height = 40;
    for (BarPanel panel : panels) {
      height += panel.height();
    }
    BufferedImage image = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, WIDTH, height);
      int top = 0;
      for (BarPanel panel : panels) {
        panel.draw(g, top, WIDTH);
        top += panel.height();
      }
      g.setColor(Color.DARK_GRAY);
      g.setFont(new Font(Font.SANS_SERIF, Font.ITALIC, 12));
      g.drawString(note, 20, top + 24);
    } finally {
      g.dispose();
    }
    // An 8-bit palette image: a chart has few colours, and the file is a third of the size.
    BufferedImage indexed = new BufferedImage(WIDTH, height, BufferedImage.TYPE_BYTE_INDEXED);
    Graphics2D ig = indexed.createGraphics();
    try {
      ig.drawImage(image, 0, 0, null);
    } finally {
      ig.dispose();
    }
    Files.createDirectories(out.toAbsolutePath().getParent());
    ImageIO.write(indexed, "png", out.toFile());
  }
}
