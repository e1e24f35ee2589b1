package io.ddbio.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ddbio.item.DynamoDbJsonCodec;
import io.ddbio.item.ItemFormatException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Which items and attributes a scan asks for: DynamoDB's {@code ProjectionExpression} and {@code
 * FilterExpression} with their placeholders. All empty means every attribute of every item.
 *
 * <p>Checked as far as can be without asking DynamoDB, so that a slip is reported before a job
 * starts rather than by every task: placeholders have the right sigil ({@code #name}, {@code
 * :value}), every placeholder an expression uses is defined, and every one defined is used
 * (DynamoDB refuses unused ones too). Syntax and reserved words are left to DynamoDB.
 *
 * @param projection the attributes to return, e.g. {@code pk, #b.c}; empty for all
 * @param filter the condition items must meet, e.g. {@code #s = :v}; empty for all items
 * @param names {@code ExpressionAttributeNames}: placeholder ({@code #s}) to attribute name
 * @param values {@code ExpressionAttributeValues}: placeholder ({@code :v}) to value
 */
public record ScanExpressions(
    Optional<String> projection,
    Optional<String> filter,
    Map<String, String> names,
    Map<String, AttributeValue> values) {

  // DynamoDB's placeholders are a sigil and one or more letters, digits or underscores.
  private static final Pattern NAME_REF = Pattern.compile("#[A-Za-z0-9_]+");
  private static final Pattern VALUE_REF = Pattern.compile(":[A-Za-z0-9_]+");
  private static final ObjectMapper JSON = new ObjectMapper();

  // Declared after the patterns, which its constructor uses.
  /** No projection and no filter: the whole table. */
  public static final ScanExpressions NONE =
      new ScanExpressions(Optional.empty(), Optional.empty(), Map.of(), Map.of());

  /**
   * @throws IllegalArgumentException naming the placeholder or expression at fault
   */
  public ScanExpressions {
    projection = projection.map(String::strip).filter(s -> !s.isEmpty());
    filter = filter.map(String::strip).filter(s -> !s.isEmpty());
    names = Map.copyOf(names);
    values = Map.copyOf(values);
    check(projection, filter, names, values);
  }

  /** Whether this scan returns every attribute of every item. */
  public boolean isWholeTable() {
    return projection.isEmpty() && filter.isEmpty();
  }

  /**
   * Reads {@code dynamodb.scan.projection}, {@code dynamodb.scan.filter}, {@code
   * dynamodb.scan.expression.names} and {@code dynamodb.scan.expression.values}.
   *
   * @throws IllegalArgumentException naming the key whose value is invalid
   */
  public static ScanExpressions read(Function<String, String> values) {
    return new ScanExpressions(
        Optional.ofNullable(DdbioKeys.SCAN_PROJECTION.read(values)),
        Optional.ofNullable(DdbioKeys.SCAN_FILTER.read(values)),
        parseNames(DdbioKeys.SCAN_NAMES.read(values), DdbioKeys.SCAN_NAMES.name()),
        parseValues(DdbioKeys.SCAN_VALUES.read(values), DdbioKeys.SCAN_VALUES.name()));
  }

  /**
   * Parses expression attribute names given as a JSON object, {@code {"#s":"status"}}.
   *
   * @param json the object, or null for none
   * @param where the key or option that gave it, named in errors
   * @throws IllegalArgumentException when it is not an object of strings
   */
  public static Map<String, String> parseNames(String json, String where) {
    if (json == null || json.isBlank()) {
      return Map.of();
    }
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          where + " is not JSON (" + e.getOriginalMessage() + "): " + json, e);
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException(
          where + " must be a JSON object such as {\"#s\":\"status\"}, was " + json);
    }
    Map<String, String> names = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : root.properties()) {
      if (!e.getValue().isTextual() || e.getValue().asText().isEmpty()) {
        throw new IllegalArgumentException(
            where + ": " + e.getKey() + " must name an attribute with a non-empty string");
      }
      names.put(e.getKey(), e.getValue().asText());
    }
    return names;
  }

  /**
   * Parses expression attribute values given as a JSON object of DynamoDB JSON values, {@code
   * {":v":{"S":"active"},":n":{"N":"3"}}}.
   *
   * @param json the object, or null for none
   * @param where the key or option that gave it, named in errors
   * @throws IllegalArgumentException when it is not an object of typed values
   */
  public static Map<String, AttributeValue> parseValues(String json, String where) {
    if (json == null || json.isBlank()) {
      return Map.of();
    }
    try {
      return new DynamoDbJsonCodec().decode(json);
    } catch (ItemFormatException e) {
      throw new IllegalArgumentException(
          where
              + " must be a JSON object of DynamoDB JSON values such as {\":v\":{\"S\":\"active\"}}:"
              + " "
              + e.getMessage(),
          e);
    }
  }

  private static void check(
      Optional<String> projection,
      Optional<String> filter,
      Map<String, String> names,
      Map<String, AttributeValue> values) {
    for (String n : names.keySet()) {
      if (!NAME_REF.matcher(n).matches()) {
        throw new IllegalArgumentException(
            "Expression attribute name placeholder \""
                + n
                + "\" must be # followed by letters, digits or _ (e.g. #s)");
      }
    }
    for (String v : values.keySet()) {
      if (!VALUE_REF.matcher(v).matches()) {
        throw new IllegalArgumentException(
            "Expression attribute value placeholder \""
                + v
                + "\" must be : followed by letters, digits or _ (e.g. :v)");
      }
    }
    String expressions = projection.orElse("") + "\n" + filter.orElse("");
    sameSets("name", refs(NAME_REF, expressions), names.keySet());
    sameSets("value", refs(VALUE_REF, expressions), values.keySet());
    if (projection.isPresent() && !refs(VALUE_REF, projection.get()).isEmpty()) {
      throw new IllegalArgumentException(
          "The projection " + projection.get() + " uses a value placeholder; only a filter can");
    }
  }

  private static Set<String> refs(Pattern pattern, String text) {
    Set<String> found = new TreeSet<>();
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      found.add(m.group());
    }
    return found;
  }

  private static void sameSets(String kind, Set<String> used, Set<String> defined) {
    Set<String> undefined = new TreeSet<>(used);
    undefined.removeAll(defined);
    if (!undefined.isEmpty()) {
      throw new IllegalArgumentException(
          "The scan expressions use "
              + kind
              + " placeholders "
              + undefined
              + " that are not defined; define them in the expression attribute "
              + kind
              + "s");
    }
    Set<String> unused = new TreeSet<>(defined);
    unused.removeAll(used);
    if (!unused.isEmpty()) {
      throw new IllegalArgumentException(
          "Expression attribute "
              + kind
              + "s "
              + unused
              + " are not used by the projection or the filter (DynamoDB refuses unused"
              + " placeholders)");
    }
  }
}
