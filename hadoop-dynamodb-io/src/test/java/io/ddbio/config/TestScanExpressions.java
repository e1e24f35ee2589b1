package io.ddbio.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbio.scan.ScanSpec;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The scan-expression keys: parsing, the placeholder checks, and the scan spec they make. */
class TestScanExpressions {

  private static Map<String, String> conf(String... keyValues) {
    Map<String, String> m = new HashMap<>();
    m.put("dynamodb.input.tableName", "Orders");
    for (int i = 0; i < keyValues.length; i += 2) {
      m.put(keyValues[i], keyValues[i + 1]);
    }
    return m;
  }

  private static ScanOptions scan(Map<String, String> conf) {
    return DdbioOptions.from(conf::get, k -> null).scan();
  }

  private static String failure(Map<String, String> conf) {
    return assertThrows(IllegalArgumentException.class, () -> scan(conf)).getMessage();
  }

  @Test
  void unsetKeysScanTheWholeTable() {
    ScanOptions options = scan(conf());
    assertTrue(options.expressions().isWholeTable());
    assertEquals(ScanSpec.wholeTable("Orders", false), ScanSpec.of(options));
  }

  @Test
  void keysBecomeTheScanSpec() {
    ScanOptions options =
        scan(
            conf(
                "dynamodb.scan.projection", " pk, #b.c ",
                "dynamodb.scan.filter", "#s = :v AND size(#b) > :n",
                "dynamodb.scan.expression.names", "{\"#s\":\"status\",\"#b\":\"body\"}",
                "dynamodb.scan.expression.values",
                    "{\":v\":{\"S\":\"active\"},\":n\":{\"N\":\"2\"}}",
                "dynamodb.scan.consistent.read", "true"));
    ScanSpec spec = ScanSpec.of(options);
    assertEquals("Orders", spec.table());
    assertTrue(spec.consistentRead());
    assertEquals(Optional.of("pk, #b.c"), spec.projection());
    assertEquals(Optional.of("#s = :v AND size(#b) > :n"), spec.filter());
    assertEquals(Map.of("#s", "status", "#b", "body"), spec.names());
    assertEquals(
        Map.of(":v", AttributeValue.fromS("active"), ":n", AttributeValue.fromN("2")),
        spec.values());
    assertFalse(options.expressions().isWholeTable());
  }

  @Test
  void blankExpressionsAreAbsent() {
    ScanExpressions e = new ScanExpressions(Optional.of("  "), Optional.of(""), Map.of(), Map.of());
    assertTrue(e.isWholeTable());
    assertEquals(Optional.empty(), e.projection());
  }

  /** A setting the options must refuse, and the parts its message must contain. */
  private static Arguments refused(String why, Map<String, String> conf, String... messageParts) {
    return Arguments.of(why, conf, List.of(messageParts));
  }

  static Stream<Arguments> refusedSettings() {
    String names = "dynamodb.scan.expression.names";
    String values = "dynamodb.scan.expression.values";
    String filter = "dynamodb.scan.filter";
    return Stream.of(
        refused("bad JSON names the key", conf(filter, "#s = x", names, "{"), names, "not JSON"),
        refused("names not an object", conf(names, "[\"#s\"]"), "must be a JSON object"),
        refused("a name not a string", conf(names, "{\"#s\":3}"), "#s must name an attribute"),
        refused("a value not tagged", conf(filter, "a = :v", values, "{\":v\":\"x\"}"), values),
        refused(
            "a value of no DynamoDB type",
            conf(filter, "a = :v", values, "{\":v\":{\"Q\":\"x\"}}"),
            "DynamoDB JSON values"),
        refused(
            "every name placeholder used must be defined",
            conf(filter, "#s = :v"),
            "name placeholders [#s]",
            "not defined"),
        refused(
            "every value placeholder used must be defined",
            conf(filter, "#s = :v", names, "{\"#s\":\"status\"}"),
            "value placeholders [:v]"),
        refused(
            "every name placeholder defined must be used",
            conf("dynamodb.scan.projection", "a", names, "{\"#s\":\"status\",\"#t\":\"type\"}"),
            "[#s, #t] are not used"),
        refused(
            "every value placeholder defined must be used",
            conf(values, "{\":v\":{\"S\":\"x\"}}"),
            "[:v] are not used"),
        refused(
            "a name placeholder needs its sigil",
            conf(filter, "status = :v", names, "{\"status\":\"status\"}"),
            "\"status\" must be # followed by"),
        refused(
            "a value placeholder needs its sigil",
            conf(filter, "a = :v", values, "{\"v\":{\"S\":\"x\"}}"),
            "\"v\" must be : followed by"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusedSettings")
  void aSettingThatCannotBeScannedIsRefusedSayingWhy(
      String why, Map<String, String> conf, List<String> messageParts) {
    String m = failure(conf);
    for (String part : messageParts) {
      assertTrue(m.contains(part), m);
    }
  }

  @Test
  void aProjectionCannotUseValues() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new ScanExpressions(
                    Optional.of("a, :v"),
                    Optional.empty(),
                    Map.of(),
                    Map.of(":v", AttributeValue.fromS("x"))));
    assertTrue(e.getMessage().contains("only a filter can"), e.getMessage());
  }

  @Test
  void valuesKeepEveryType() {
    Map<String, AttributeValue> values =
        ScanExpressions.parseValues(
            "{\":l\":{\"L\":[{\"S\":\"a\"}]},\":b\":{\"B\":\"AAE=\"},\":ns\":{\"NS\":[\"1\",\"2\"]}}",
            "--values");
    assertEquals(List.of(AttributeValue.fromS("a")), values.get(":l").l());
    assertEquals(2, values.get(":b").b().asByteArray().length);
    assertEquals(List.of("1", "2"), values.get(":ns").ns());
  }
}
