package io.ddbio.emr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Reads the module's definition files and evaluates the Data Pipeline expressions they use. */
final class Definitions {
  static final Path ROOT = Path.of(".");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern EXPRESSION = Pattern.compile("#\\{([^}]*)}");

  private Definitions() {}

  static List<Path> files(String extension) throws IOException {
    List<Path> found = new ArrayList<>();
    for (String dir : List.of("bootstrap", "emr", "datapipeline", "iam")) {
      try (Stream<Path> s = Files.list(ROOT.resolve(dir))) {
        s.filter(p -> p.toString().endsWith(extension)).forEach(found::add);
      }
    }
    return found;
  }

  static JsonNode read(String relative) throws IOException {
    return JSON.readTree(ROOT.resolve(relative).toFile());
  }

  static JsonNode object(JsonNode pipeline, String id) {
    for (JsonNode o : pipeline.get("objects")) {
      if (o.get("id").asText().equals(id)) {
        return o;
      }
    }
    throw new AssertionError("no object " + id);
  }

  /**
   * Evaluates a pipeline field as Data Pipeline would for one run: {@code #{input.x}} and {@code
   * #{output.x}} from the activity's data nodes, {@code #{myParam}} from the values, and {@code
   * #{format(@scheduledStartTime, …)}} as a fixed time.
   */
  static String evaluate(JsonNode pipeline, JsonNode activity, String text) {
    Matcher m = EXPRESSION.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String expr = m.group(1);
      String value;
      if (expr.startsWith("input.") || expr.startsWith("output.")) {
        String side = expr.substring(0, expr.indexOf('.'));
        String field = expr.substring(expr.indexOf('.') + 1);
        JsonNode node = object(pipeline, activity.get(side).get("ref").asText());
        value = evaluate(pipeline, activity, node.get(field).asText());
      } else if (expr.startsWith("format(")) {
        value = "2026-01-01-00-00-00";
      } else {
        JsonNode v = pipeline.get("values").get(expr);
        if (v == null) {
          throw new AssertionError("no value for #{" + expr + "} in " + text);
        }
        value = v.asText();
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }
}
