package io.ddbio.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Pins every key and its default, and checks docs/CONFIGURATION.md lists exactly these. */
class TestDdbioKeys {

  private static final Map<String, String> EXPECTED = expected();

  private static Map<String, String> expected() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("dynamodb.input.tableName", "(none)");
    m.put("dynamodb.output.tableName", "(none)");
    m.put("dynamodb.endpoint", "(none)");
    m.put("dynamodb.region", "(none)");
    m.put("dynamodb.awsAccessKeyId", "(none)");
    m.put("dynamodb.awsSecretAccessKey", "(none)");
    m.put("dynamodb.awsSessionToken", "(none)");
    m.put("dynamodb.assume.role.arn", "(none)");
    m.put("dynamodb.assume.role.external.id", "(none)");
    m.put("dynamodb.assume.role.session.name", "ddbio");
    m.put("dynamodb.sts.endpoint", "(none)");
    m.put("dynamodb.http.max.connections", "50");
    m.put("dynamodb.http.attempt.timeout", "30s");
    m.put("dynamodb.retry.throttle.max.duration", "15m");
    m.put("dynamodb.retry.max.attempts", "10");
    m.put("dynamodb.throughput.read.percent", "0.5");
    m.put("dynamodb.throughput.write.percent", "0.5");
    m.put("dynamodb.throughput.read", "(none)");
    m.put("dynamodb.throughput.write", "(none)");
    m.put("dynamodb.concurrent.tasks", "(none)");
    m.put("dynamodb.throughput.share.interval", "5s");
    m.put("dynamodb.throughput.capacity.refresh", "30s");
    m.put("dynamodb.scan.segments", "(none)");
    m.put("dynamodb.scan.segments.done", "(none)");
    m.put("dynamodb.max.map.tasks", "1000");
    m.put("dynamodb.scan.page.limit", "1000");
    m.put("dynamodb.scan.consistent.read", "false");
    m.put("dynamodb.max.bad.records", "0");
    m.put("dynamodb.rejects.dir", "(none)");
    m.put("dynamodb.import.progress.dir", "(none)");
    m.put("dynamodb.scan.projection", "(none)");
    m.put("dynamodb.scan.filter", "(none)");
    m.put("dynamodb.scan.expression.names", "(none)");
    m.put("dynamodb.scan.expression.values", "(none)");
    return m;
  }

  @Test
  void keysAndDefaultsArePinned() {
    Map<String, String> actual = new LinkedHashMap<>();
    for (ConfigKey<?> k : DdbioKeys.all()) {
      actual.put(k.name(), k.defaultText());
    }
    assertEquals(EXPECTED, actual);
  }

  @Test
  void configurationDocListsEveryKeyWithItsDefault() throws IOException {
    Path doc = Path.of("..", "docs", "CONFIGURATION.md");
    List<String> rows =
        Files.readAllLines(doc).stream().filter(l -> l.startsWith("| `dynamodb.")).toList();
    Map<String, String> documented = new LinkedHashMap<>();
    for (String row : rows) {
      String[] cells = row.split("\\|");
      documented.put(strip(cells[1]), strip(cells[3]));
    }
    Map<String, String> expected = new LinkedHashMap<>();
    for (ConfigKey<?> k : DdbioKeys.all()) {
      expected.put(k.name(), k.defaultText());
    }
    assertEquals(expected, documented, "docs/CONFIGURATION.md is out of step with DdbioKeys");
  }

  private static String strip(String cell) {
    return cell.trim().replace("`", "");
  }

  @Test
  void invalidValueNamesTheKeyAndTheValue() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> DdbioKeys.SCAN_SEGMENTS.read(Map.of("dynamodb.scan.segments", "four")::get));
    assertTrue(e.getMessage().contains("dynamodb.scan.segments"), e.getMessage());
    assertTrue(e.getMessage().contains("four"), e.getMessage());
  }

  @Test
  void durationsParseWithUnits() {
    assertEquals(java.time.Duration.ofMillis(250), ConfigKey.parseDuration("250ms"));
    assertEquals(java.time.Duration.ofSeconds(90), ConfigKey.parseDuration("1.5m"));
    assertEquals(java.time.Duration.ofHours(2), ConfigKey.parseDuration("2h"));
    assertEquals(java.time.Duration.ofSeconds(7), ConfigKey.parseDuration("7"));
    assertThrows(IllegalArgumentException.class, () -> ConfigKey.parseDuration("soon"));
  }

  @Test
  void optionsRejectBadPercentNamingTheKey() {
    Map<String, String> conf =
        Map.of("dynamodb.input.tableName", "T", "dynamodb.throughput.read.percent", "2.0");
    DdbioOptions options = DdbioOptions.from(conf::get, k -> null);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, options::scan);
    assertTrue(e.getMessage().contains("dynamodb.throughput.read.percent"), e.getMessage());
  }

  @Test
  void credentialsMustComeInPairsAndNeverPrint() {
    Map<String, String> secrets = Map.of("dynamodb.awsAccessKeyId", "AKIACANARY");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> DdbioOptions.from(k -> null, secrets::get));
    assertTrue(!e.getMessage().contains("AKIACANARY"));

    Map<String, String> both =
        Map.of("dynamodb.awsAccessKeyId", "AKIACANARY", "dynamodb.awsSecretAccessKey", "s3cr3t");
    DdbioOptions o = DdbioOptions.from(k -> null, both::get);
    String shown = o.client().toString();
    assertTrue(!shown.contains("AKIACANARY") && !shown.contains("s3cr3t"), shown);
  }

  @Test
  void missingTableIsNamed() {
    DdbioOptions options = DdbioOptions.from(k -> null, k -> null);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, options::write);
    assertTrue(e.getMessage().contains("dynamodb.output.tableName"), e.getMessage());
  }
}
