package io.ddbio.bench.chart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ddbio.bench.codec.Corpus;
import io.ddbio.bench.corpus.RealisticItems;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The codec benchmarks' scores from JMH's JSON results ({@code -rf json}), by profile and method,
 * with each corpus's bytes per item so that items/s become MB/s.
 */
final class CodecResults {
  /** One score: items per second on one thread, and JMH's error margin (99.9%). */
  record Score(double itemsPerSecond, double error) {}

  private final Map<RealisticItems.Profile, Map<String, Score>> scores;
  private final Map<RealisticItems.Profile, Double> bytesPerItem;

  private CodecResults(
      Map<RealisticItems.Profile, Map<String, Score>> scores,
      Map<RealisticItems.Profile, Double> bytesPerItem) {
    this.scores = scores;
    this.bytesPerItem = bytesPerItem;
  }

  /** Reads a JMH JSON results file and rebuilds each corpus it names to weigh it. */
  static CodecResults read(Path jmhJson) throws IOException {
    JsonNode runs = new ObjectMapper().readTree(jmhJson.toFile());
    Map<RealisticItems.Profile, Map<String, Score>> scores =
        new EnumMap<>(RealisticItems.Profile.class);
    for (JsonNode run : runs) {
      String benchmark = run.path("benchmark").asText();
      String method = benchmark.substring(benchmark.lastIndexOf('.') + 1);
      RealisticItems.Profile profile =
          RealisticItems.Profile.valueOf(run.path("params").path("profile").asText());
      JsonNode metric = run.path("primaryMetric");
      scores
          .computeIfAbsent(profile, p -> new LinkedHashMap<>())
          .put(
              method,
              new Score(metric.path("score").asDouble(), metric.path("scoreError").asDouble()));
    }
    Map<RealisticItems.Profile, Double> bytes = new EnumMap<>(RealisticItems.Profile.class);
    for (RealisticItems.Profile profile : scores.keySet()) {
      bytes.put(profile, (double) Corpus.build(profile).dataPipeline().totalBytes() / Corpus.ITEMS);
    }
    return new CodecResults(scores, bytes);
  }

  /** The profiles measured. */
  Iterable<RealisticItems.Profile> profiles() {
    return scores.keySet();
  }

  /** The score of {@code method} on {@code profile}. */
  Score score(RealisticItems.Profile profile, String method) {
    Score s = scores.getOrDefault(profile, Map.of()).get(method);
    if (s == null) {
      throw new IllegalArgumentException("no result for " + method + " on " + profile);
    }
    return s;
  }

  /** Whether {@code method} was measured on {@code profile}. */
  boolean has(RealisticItems.Profile profile, String method) {
    return scores.getOrDefault(profile, Map.of()).containsKey(method);
  }

  /** Megabytes (10^6 bytes) of lines per second on one thread. */
  double megabytesPerSecond(RealisticItems.Profile profile, String method) {
    return score(profile, method).itemsPerSecond() * bytesPerItem.get(profile) / 1e6;
  }

  /** The corpus's mean line length. */
  double bytesPerItem(RealisticItems.Profile profile) {
    return bytesPerItem.get(profile);
  }

  /**
   * How many times the yardstick's time {@code method} takes: the yardstick's rate over the
   * method's.
   */
  double timesYardstick(RealisticItems.Profile profile, String method, String yardstick) {
    return score(profile, yardstick).itemsPerSecond() / score(profile, method).itemsPerSecond();
  }
}
