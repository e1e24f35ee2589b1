package io.ddbio.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbio.config.ScanExpressions;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.BillingModeSummary;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputDescription;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

class TestExportMetadata {

  static TableDescription describedTable() {
    return TableDescription.builder()
        .tableName("Orders")
        .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE))
        .attributeDefinitions(
            attr("pk", ScalarAttributeType.S),
            attr("sk", ScalarAttributeType.N),
            attr("gpk", ScalarAttributeType.S),
            attr("lsk", ScalarAttributeType.B))
        .billingModeSummary(
            BillingModeSummary.builder().billingMode(BillingMode.PROVISIONED).build())
        .provisionedThroughput(
            ProvisionedThroughputDescription.builder()
                .readCapacityUnits(100L)
                .writeCapacityUnits(50L)
                .build())
        .globalSecondaryIndexes(
            GlobalSecondaryIndexDescription.builder()
                .indexName("byG")
                .keySchema(key("gpk", KeyType.HASH))
                .projection(
                    Projection.builder()
                        .projectionType(ProjectionType.INCLUDE)
                        .nonKeyAttributes("a", "b")
                        .build())
                .provisionedThroughput(
                    ProvisionedThroughputDescription.builder()
                        .readCapacityUnits(7L)
                        .writeCapacityUnits(3L)
                        .build())
                .build())
        .localSecondaryIndexes(
            LocalSecondaryIndexDescription.builder()
                .indexName("byL")
                .keySchema(key("pk", KeyType.HASH), key("lsk", KeyType.RANGE))
                .projection(Projection.builder().projectionType(ProjectionType.KEYS_ONLY).build())
                .build())
        .build();
  }

  @Test
  void metadataRoundTripsThroughJson() throws IOException {
    ExportMetadata m = metadata(ExportMetadata.DATA_PIPELINE_V3, "a_000000.gz", null);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    m.write(out);
    ExportMetadata back = ExportMetadata.read(new ByteArrayInputStream(out.toByteArray()), "x");
    assertEquals(m, back);
    assertTrue(out.toString(StandardCharsets.UTF_8).contains("\"keyType\" : \"RANGE\""));
  }

  @Test
  void aFullExportWritesNoSelection() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    metadata(null).write(out);
    String json = out.toString(StandardCharsets.UTF_8);
    assertFalse(json.contains("selection"), json);
    assertNull(ExportMetadata.read(new ByteArrayInputStream(out.toByteArray()), "x").selection());
  }

  @Test
  void aPartialExportRecordsItsSelection() throws IOException {
    ScanExpressions expressions =
        new ScanExpressions(
            Optional.of("pk, #b.c"),
            Optional.of("#s = :v"),
            Map.of("#s", "status", "#b", "body"),
            Map.of(":v", AttributeValue.fromS("active")));
    ExportSelection selection = ExportSelection.of(expressions).orElseThrow();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    metadata(selection).write(out);
    String json = out.toString(StandardCharsets.UTF_8);
    assertTrue(json.contains("\"filter\" : \"#s = :v\""), json);
    assertTrue(json.contains("\":v\" : {"), json);

    ExportMetadata back = ExportMetadata.read(new ByteArrayInputStream(out.toByteArray()), "x");
    assertEquals(selection, back.selection());
    assertEquals(expressions, back.selection().toExpressions());
    assertEquals(
        "filter \"#s = :v\", projection \"pk, #b.c\"",
        back.selection().describe().substring(0, 39));
    assertEquals(Optional.empty(), ExportSelection.of(ScanExpressions.NONE));
    assertEquals(
        "filter \"#s = :v\", projection \"pk, #s\" with names {\"#s\":\"status\"} and values"
            + " {\":v\":{\"S\":\"active\"}}",
        ExportSelection.of(
                new ScanExpressions(
                    Optional.of("pk, #s"),
                    Optional.of("#s = :v"),
                    Map.of("#s", "status"),
                    Map.of(":v", AttributeValue.fromS("active"))))
            .orElseThrow()
            .describe());
  }

  @Test
  void aFileWithFieldsFromANewerMinorVersionIsRead() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    metadata(null).write(out);
    String json = out.toString(StandardCharsets.UTF_8).replaceFirst("\\{", "{\"laterField\":[1],");
    assertEquals(metadata(null), ExportMetadata.read(stream(json), "x"));
  }

  private static ExportMetadata metadata(ExportSelection selection) {
    return metadata(ExportMetadata.DYNAMODB_JSON, "AWSDynamoDB/x/data/a.json.gz", selection);
  }

  /** Metadata of a three-item export of {@code describedTable()} in one file. */
  private static ExportMetadata metadata(
      String dataFormat, String dataFile, ExportSelection selection) {
    return new ExportMetadata(
        ExportMetadata.FORMAT,
        ExportMetadata.FORMAT_VERSION,
        "0.1.0",
        dataFormat,
        ".gz",
        TableSchema.of(describedTable()),
        "2026-01-01T00:00:00Z",
        "2026-01-01T00:10:00Z",
        3,
        99,
        List.of(new DataFileStats(dataFile, 3, 99, "ab".repeat(32))),
        selection,
        null,
        null);
  }

  @Test
  void refusesFilesThatAreNotOursOrFromTheFuture() {
    String notOurs = refusal("{\"format\":\"other\",\"formatVersion\":1}");
    assertTrue(notOurs.contains("m.json"));
    String future = refusal("{\"format\":\"ddbio-export\",\"formatVersion\":99}");
    assertTrue(future.contains("upgrade"), future);
  }

  /** The message with which reading the file "m.json" of this content fails. */
  private static String refusal(String json) {
    return assertThrows(IOException.class, () -> ExportMetadata.read(stream(json), "m.json"))
        .getMessage();
  }

  @Test
  void schemaRecreatesTheTableWithItsIndexes() {
    CreateTableRequest r = TableSchema.of(describedTable()).toCreateTableRequest("Copy", 0, 0);
    assertEquals("Copy", r.tableName());
    assertEquals(2, r.keySchema().size());
    assertEquals(4, r.attributeDefinitions().size());
    assertEquals(100L, r.provisionedThroughput().readCapacityUnits());
    assertEquals(1, r.globalSecondaryIndexes().size());
    assertEquals(
        List.of("a", "b"), r.globalSecondaryIndexes().get(0).projection().nonKeyAttributes());
    assertEquals(7L, r.globalSecondaryIndexes().get(0).provisionedThroughput().readCapacityUnits());
    assertEquals("byL", r.localSecondaryIndexes().get(0).indexName());

    CreateTableRequest bigger =
        TableSchema.of(describedTable()).toCreateTableRequest("C", 500, 400);
    assertEquals(500L, bigger.provisionedThroughput().readCapacityUnits());
    assertEquals(
        400L, bigger.globalSecondaryIndexes().get(0).provisionedThroughput().writeCapacityUnits());
  }

  private static ByteArrayInputStream stream(String s) {
    return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
  }

  private static KeySchemaElement key(String name, KeyType type) {
    return KeySchemaElement.builder().attributeName(name).keyType(type).build();
  }

  private static AttributeDefinition attr(String name, ScalarAttributeType type) {
    return AttributeDefinition.builder().attributeName(name).attributeType(type).build();
  }
}
