package io.ddbio.bench.codec;

import io.ddbio.bench.corpus.RealisticItems;
import io.ddbio.item.DataPipelineCodec;
import io.ddbio.item.DynamoDbJsonCodec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A cross-check of the JMH ratios that a busy machine cannot skew: the same codec and yardstick
 * passes as the JMH benchmarks, interleaved round by round in one JVM and timed in <em>thread CPU
 * time</em>, so that time spent waiting for a core other processes hold is not counted. Prints the
 * median CPU nanoseconds per item of each pass and each codec pass as a ratio of its yardstick.
 *
 * <p>Usage: {@code CpuTimeRatios [rounds (default 40)] [results.properties]}; the first quarter of
 * the rounds warm up. With a results file, the medians are also written there for the chart ({@code
 * PerformanceChart --codec-cpu}).
 */
public final class CpuTimeRatios {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private CpuTimeRatios() {}

  /** One pass over the corpus; returns something derived from the work so it is not dropped. */
  private interface Pass {
    long run() throws IOException;
  }

  /** Runs the comparison for every profile and prints the table. */
  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 40;
    Properties results = new Properties();
    results.setProperty("rounds", Integer.toString(rounds));
    results.setProperty("loadBefore", loadAverage());
    for (RealisticItems.Profile profile : RealisticItems.Profile.values()) {
      Corpus corpus = Corpus.build(profile);
      System.out.println(corpus.describe());
      Map<String, Pass> passes = passes(corpus);
      Map<String, double[]> nanosPerItem = measure(passes, rounds);
      Map<String, Double> median = new LinkedHashMap<>();
      nanosPerItem.forEach((name, samples) -> median.put(name, median(samples)));
      results.setProperty(
          profile + ".bytesPerItem",
          Double.toString((double) corpus.dataPipeline().totalBytes() / Corpus.ITEMS));
      median.forEach(
          (name, ns) -> results.setProperty(profile + "." + name + ".nanosPerItem", ns.toString()));
      median.forEach(
          (name, ns) -> System.out.printf("  %-28s %9.0f ns/item (thread CPU)%n", name, ns));
      ratio(median, "dataPipelineDecode", "yardstickDecode");
      ratio(median, "dynamoDbJsonDecode", "yardstickDecode");
      ratio(median, "dataPipelineDecode", "yardstickDecodeWithStrings");
      ratio(median, "bareSdkDecode", "yardstickDecode");
      ratio(median, "dataPipelineDecode", "bareSdkDecode");
      ratio(median, "bareSdkDecodeReusedBuilders", "bareSdkDecode");
      ratio(median, "dataPipelineEncode", "yardstickEncode");
      ratio(median, "dynamoDbJsonEncode", "yardstickEncode");
    }
    results.setProperty("loadAfter", loadAverage());
    if (args.length > 1) {
      Path file = Path.of(args[1]);
      try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        results.store(w, "ddbio codec CPU time per item (io.ddbio.bench.codec.CpuTimeRatios)");
      } catch (IOException e) {
        throw new UncheckedIOException("writing " + file, e);
      }
      System.out.println("Figures written to " + file);
    }
  }

  /** The one-minute load average, from /proc/loadavg, or "unknown". */
  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

  /** Something that reads one line of a buffer and returns how much it found. */
  private interface LineReader {
    long read(byte[] buf, int off, int len) throws IOException;
  }

  /** Something that writes one corpus entry into the reused output stream. */
  private interface EntryWriter<T> {
    void write(T entry, ByteArrayOutputStream out) throws IOException;
  }

  private static Map<String, Pass> passes(Corpus corpus) {
    DataPipelineCodec dp = new DataPipelineCodec();
    DynamoDbJsonCodec json = new DynamoDbJsonCodec();
    BareSdkDecoder bareFresh = BareSdkDecoder.withFreshBuilders();
    BareSdkDecoder bareReused = BareSdkDecoder.withReusedBuilders();
    LineBuffer dpLines = corpus.dataPipeline();
    LineBuffer jsonLines = corpus.dynamoDbJson();
    List<Map<String, AttributeValue>> items = corpus.items();
    List<TokenScript> scripts = Arrays.asList(corpus.scripts());
    ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
    checkReadsAsOurs(dpLines, dp, bareFresh, "the bare decoder");
    checkReadsAsOurs(dpLines, dp, bareReused, "the bare decoder with reused builders");
    Map<String, Pass> passes = new LinkedHashMap<>();
    passes.put("dataPipelineDecode", readEach(dpLines, (b, o, l) -> dp.decode(b, o, l).size()));
    passes.put("dynamoDbJsonDecode", readEach(jsonLines, (b, o, l) -> json.decode(b, o, l).size()));
    passes.put("yardstickDecode", readEach(dpLines, Yardstick::tokenize));
    passes.put("yardstickDecodeWithStrings", readEach(dpLines, Yardstick::tokenizeAndReadStrings));
    passes.put("bareSdkDecode", readEach(dpLines, (b, o, l) -> bareFresh.decode(b, o, l).size()));
    passes.put(
        "bareSdkDecodeReusedBuilders",
        readEach(dpLines, (b, o, l) -> bareReused.decode(b, o, l).size()));
    passes.put("dataPipelineEncode", writeEach(items, out, dp::encode));
    passes.put("dynamoDbJsonEncode", writeEach(items, out, json::encode));
    passes.put("yardstickEncode", writeEach(scripts, out, Yardstick::write));
    return passes;
  }

  /** A pass that reads every line of the buffer. */
  private static Pass readEach(LineBuffer lines, LineReader reader) {
    return () -> {
      long n = 0;
      for (int i = 0; i < lines.count(); i++) {
        n += reader.read(lines.bytes(), lines.offset(i), lines.length(i));
      }
      return n;
    };
  }

  /** A pass that writes every entry, each into the emptied stream, as a record writer's buffer. */
  private static <T> Pass writeEach(List<T> entries, ByteArrayOutputStream out, EntryWriter<T> w) {
    return () -> {
      long n = 0;
      for (T entry : entries) {
        out.reset();
        w.write(entry, out);
        n += out.size();
      }
      return n;
    };
  }

  /** A reference is only a reference if it reads every line as our decoder does. */
  private static void checkReadsAsOurs(
      LineBuffer lines, DataPipelineCodec ours, BareSdkDecoder reference, String what) {
    for (int i = 0; i < lines.count(); i++) {
      try {
        Map<String, AttributeValue> theirs =
            reference.decode(lines.bytes(), lines.offset(i), lines.length(i));
        if (!theirs.equals(ours.decode(lines.bytes(), lines.offset(i), lines.length(i)))) {
          throw new IllegalStateException(what + " reads line " + i + " differently");
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** Runs every pass once per round, in turn, and keeps the measured rounds' CPU ns per item. */
  private static Map<String, double[]> measure(Map<String, Pass> passes, int rounds) {
    int warmup = rounds / 4;
    Map<String, List<Double>> samples = new LinkedHashMap<>();
    passes.keySet().forEach(name -> samples.put(name, new ArrayList<>()));
    long sink = 0;
    for (int round = 0; round < rounds; round++) {
      for (Map.Entry<String, Pass> pass : passes.entrySet()) {
        long start = THREADS.getCurrentThreadCpuTime();
        try {
          sink += pass.getValue().run();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        long cpu = THREADS.getCurrentThreadCpuTime() - start;
        if (round >= warmup) {
          samples.get(pass.getKey()).add((double) cpu / Corpus.ITEMS);
        }
      }
    }
    if (sink == 42) {
      System.out.println("(checksum)");
    }
    Map<String, double[]> result = new LinkedHashMap<>();
    samples.forEach(
        (name, list) -> result.put(name, list.stream().mapToDouble(Double::doubleValue).toArray()));
    return result;
  }

  private static double median(double[] samples) {
    double[] sorted = samples.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private static void ratio(Map<String, Double> median, String codec, String yardstick) {
    System.out.printf(
        "  %-28s %5.2fx %s%n", codec, median.get(codec) / median.get(yardstick), yardstick);
  }
}
