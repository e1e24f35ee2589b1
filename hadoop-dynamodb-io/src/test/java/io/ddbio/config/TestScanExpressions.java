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
import org.junit.jupiter.api.Test;
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

  @Test
  void badJsonNamesTheKey() {
    String m =
        failure(conf("dynamodb.scan.filter", "#s = x", "dynamodb.scan.expression.names", "{"));
    assertTrue(m.contains("dynamodb.scan.expression.names") && m.contains("not JSON"), m);
    m = failure(conf("dynamodb.scan.expression.names", "[\"#s\"]"));
    assertTrue(m.contains("must be a JSON object"), m);
    m = failure(conf("dynamodb.scan.expression.names", "{\"#s\":3}"));
    assertTrue(m.contains("#s must name an attribute"), m);
    m =
        failure(
            conf(
                "dynamodb.scan.filter",
                "a = :v",
                "dynamodb.scan.expression.values",
                "{\":v\":\"x\"}"));
    assertTrue(m.contains("dynamodb.scan.expression.values"), m);
    m =
        failure(
            conf(
                "dynamodb.scan.filter",
                "a = :v",
                "dynamodb.scan.expression.values",
                "{\":v\":{\"Q\":\"x\"}}"));
    assertTrue(m.contains("DynamoDB JSON values"), m);
  }

  @Test
  void everyPlaceholderUsedMustBeDefined() {
    String m = failure(conf("dynamodb.scan.filter", "#s = :v"));
    assertTrue(m.contains("name placeholders [#s]") && m.contains("not defined"), m);
    m =
        failure(
            conf(
                "dynamodb.scan.filter", "#s = :v",
                "dynamodb.scan.expression.names", "{\"#s\":\"status\"}"));
    assertTrue(m.contains("value placeholders [:v]"), m);
  }

  @Test
  void everyPlaceholderDefinedMustBeUsed() {
    String m =
        failure(
            conf(
                "dynamodb.scan.projection", "a",
                "dynamodb.scan.expression.names", "{\"#s\":\"status\",\"#t\":\"type\"}"));
    assertTrue(m.contains("[#s, #t] are not used"), m);
    m = failure(conf("dynamodb.scan.expression.values", "{\":v\":{\"S\":\"x\"}}"));
    assertTrue(m.contains("[:v] are not used"), m);
  }

  @Test
  void placeholdersNeedTheirSigil() {
    String m =
        failure(
            conf(
                "dynamodb.scan.filter", "status = :v",
                "dynamodb.scan.expression.names", "{\"status\":\"status\"}"));
    assertTrue(m.contains("\"status\" must be # followed by"), m);
    m =
        failure(
            conf(
                "dynamodb.scan.filter", "a = :v",
                "dynamodb.scan.expression.values", "{\"v\":{\"S\":\"x\"}}"));
    assertTrue(m.contains("\"v\" must be : followed by"), m);
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
