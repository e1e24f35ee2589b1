package io.ddbio.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbio.backup.TableSchema;
import io.ddbio.testkit.Fixtures;
import io.ddbio.testkit.PkSkTables;
import io.ddbio.testkit.junit.LocalDynamoDb;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * {@code --create-table} end to end against DynamoDB Local: a table with a global and a local
 * secondary index is recorded as an export records it, and the import creates its twin.
 */
class ITCreateTable {
  @RegisterExtension static final LocalDynamoDb ddb = LocalDynamoDb.started();

  @Test
  void createsTheRecordedTableWithItsIndexesThenImports(@TempDir Path tmp) throws Exception {
    TableDescription source = createIndexedTable("CreateSource");
    Path backup = backupOf(source, tmp.resolve("backup"));

    ImportRun r =
        ImportRun.of(ddb, tmp.resolve("1"), backup.toString(), "CreateCopy", "--create-table");

    assertEquals(0, r.exit(), r.err());
    assertTrue(r.err().contains("Created table \"CreateCopy\""), r.err());
    TableDescription copy = describe("CreateCopy");
    assertEquals(TableStatus.ACTIVE, copy.tableStatus());
    assertSameShape(source, copy);
    assertEquals(7, copy.provisionedThroughput().readCapacityUnits());
    assertEquals(9, copy.provisionedThroughput().writeCapacityUnits());
    assertEquals(
        3, copy.globalSecondaryIndexes().get(0).provisionedThroughput().readCapacityUnits());
    assertEquals(
        4, copy.globalSecondaryIndexes().get(0).provisionedThroughput().writeCapacityUnits());
    PkSkTables.assertHolds(ddb.client(), "CreateCopy", Fixtures.canonicalItems());

    ImportRun again =
        ImportRun.of(ddb, tmp.resolve("2"), backup.toString(), "CreateCopy", "--create-table");
    assertEquals(1, again.exit(), again.err());
    assertTrue(again.err().contains("\"CreateCopy\" already exists"), again.err());
  }

  @Test
  void capacityGivenOnTheCommandLineReplacesTheRecordedOne(@TempDir Path tmp) throws Exception {
    Path backup = backupOf(createIndexedTable("CreateSourceForUnits"), tmp.resolve("backup"));

    ImportRun r =
        ImportRun.of(
            ddb,
            tmp,
            backup.toString(),
            "CreateCopyWithUnits",
            "--create-table",
            "--create-read-units",
            "20",
            "--create-write-units",
            "30");

    assertEquals(0, r.exit(), r.err());
    TableDescription copy = describe("CreateCopyWithUnits");
    assertEquals(20, copy.provisionedThroughput().readCapacityUnits());
    assertEquals(30, copy.provisionedThroughput().writeCapacityUnits());
    GlobalSecondaryIndexDescription gsi = copy.globalSecondaryIndexes().get(0);
    assertEquals(20, gsi.provisionedThroughput().readCapacityUnits());
    assertEquals(30, gsi.provisionedThroughput().writeCapacityUnits());
  }

  @Test
  void exportWithoutARecordedSchemaCreatesNothing(@TempDir Path tmp) throws Exception {
    ImportRun r =
        ImportRun.of(
            ddb,
            tmp,
            NativeExports.fixturePrefix().toString(),
            "CreateFromNative",
            "--create-table");

    assertEquals(1, r.exit(), r.err());
    assertTrue(r.err().contains("only exports written by ddbio record it"), r.err());
    assertFalse(ddb.client().listTables().tableNames().contains("CreateFromNative"));
  }

  /**
   * pk (S) + sk (N), provisioned 7/9; GSI on payload (S) + n (N) projecting name, 3/4; LSI on age
   * (N), keys only. The fixture's items fit: where they have these attributes, the types match.
   */
  private static TableDescription createIndexedTable(String name) {
    DynamoDbClient client = ddb.client();
    client.createTable(
        b ->
            b.tableName(name)
                .attributeDefinitions(
                    attribute("pk", ScalarAttributeType.S),
                    attribute("sk", ScalarAttributeType.N),
                    attribute("payload", ScalarAttributeType.S),
                    attribute("n", ScalarAttributeType.N),
                    attribute("age", ScalarAttributeType.N))
                .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE))
                .billingMode(BillingMode.PROVISIONED)
                .provisionedThroughput(t -> t.readCapacityUnits(7L).writeCapacityUnits(9L))
                .globalSecondaryIndexes(
                    g ->
                        g.indexName("byPayload")
                            .keySchema(key("payload", KeyType.HASH), key("n", KeyType.RANGE))
                            .projection(
                                p ->
                                    p.projectionType(ProjectionType.INCLUDE)
                                        .nonKeyAttributes("name"))
                            .provisionedThroughput(
                                t -> t.readCapacityUnits(3L).writeCapacityUnits(4L)))
                .localSecondaryIndexes(
                    l ->
                        l.indexName("byAge")
                            .keySchema(key("pk", KeyType.HASH), key("age", KeyType.RANGE))
                            .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY))));
    client.waiter().waitUntilTableExists(r -> r.tableName(name));
    return describe(name);
  }

  /** A copy of the Data Pipeline fixture with the metadata an export of {@code source} writes. */
  private static Path backupOf(TableDescription source, Path dir) throws Exception {
    Path backup = Backups.copyFixture("datapipeline-v3", dir);
    Backups.writeMetadata(backup, Backups.v3DataFiles(backup), 40, TableSchema.of(source));
    return backup;
  }

  private static void assertSameShape(TableDescription expected, TableDescription actual) {
    assertEquals(expected.keySchema(), actual.keySchema());
    assertEquals(definitions(expected), definitions(actual));
    assertEquals(expected.billingModeSummary(), actual.billingModeSummary());
    assertEquals(1, actual.globalSecondaryIndexes().size());
    assertEquals(
        IndexShape.of(expected.globalSecondaryIndexes().get(0)),
        IndexShape.of(actual.globalSecondaryIndexes().get(0)));
    assertEquals(1, actual.localSecondaryIndexes().size());
    assertEquals(
        IndexShape.of(expected.localSecondaryIndexes().get(0)),
        IndexShape.of(actual.localSecondaryIndexes().get(0)));
  }

  /**
   * What the copy of an index must have of the original: its name, key and projection. (A global
   * index's capacity is checked apart: the command line may replace it.)
   */
  private record IndexShape(String name, List<KeySchemaElement> key, Projection projection) {
    static IndexShape of(GlobalSecondaryIndexDescription g) {
      return new IndexShape(g.indexName(), g.keySchema(), g.projection());
    }

    static IndexShape of(LocalSecondaryIndexDescription l) {
      return new IndexShape(l.indexName(), l.keySchema(), l.projection());
    }
  }

  private static Set<AttributeDefinition> definitions(TableDescription d) {
    return new HashSet<>(d.attributeDefinitions());
  }

  private static AttributeDefinition attribute(String name, ScalarAttributeType type) {
    return AttributeDefinition.builder().attributeName(name).attributeType(type).build();
  }

  private static KeySchemaElement key(String name, KeyType type) {
    return KeySchemaElement.builder().attributeName(name).keyType(type).build();
  }

  private static TableDescription describe(String table) {
    return ddb.client().describeTable(r -> r.tableName(table)).table();
  }
}
