package io.ddbio.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class TestFixtures {
  @Test
  void findsTheFixturesFolder() {
    assertEquals("fixtures", Fixtures.root().getFileName().toString());
    assertTrue(Files.isDirectory(Fixtures.root().resolve("datapipeline-v3")));
  }

  @Test
  void readsTheFortyCanonicalItems() {
    List<Map<String, AttributeValue>> items = Fixtures.canonicalItems();
    assertEquals(40, items.size());
    Map<String, AttributeValue> first = items.get(0);
    assertEquals(List.of("pk", "sk", "name", "age", "active"), List.copyOf(first.keySet()));
    assertEquals(AttributeValue.fromS("user#1"), first.get("pk"));
    assertEquals(AttributeValue.fromN("36"), first.get("age"));
    assertEquals(AttributeValue.fromBool(true), first.get("active"));
    assertEquals(
        AttributeValue.fromS("line\u2028separator"), items.get(11).get("ls"), "U+2028 kept as is");
  }

  @Test
  void readsLinesOfPlainAndGzipFiles() {
    List<byte[]> plain =
        Fixtures.lines(
            Fixtures.root().resolve("datapipeline-v3/ae10f955-fb2f-4790-9b11-fbfea01a871e_000000"));
    List<byte[]> gzip =
        Fixtures.lines(
            Fixtures.root().resolve("datapipeline-v3/5f1c0e3a-7d1b-4c1e-9a55-3b0c2f1d9e77.gz"));
    assertEquals(20, plain.size());
    assertEquals(20, gzip.size());
    assertTrue(
        new String(gzip.get(0), StandardCharsets.UTF_8).startsWith("{\"pk\":{\"s\":\"bulk#1\"}"));
  }
}
