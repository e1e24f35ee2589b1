package io.ddbio.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbio.item.ItemNesting;
import io.ddbio.metrics.DdbioCounter;
import io.ddbio.testkit.PkSkTables;
import io.ddbio.testkit.Tables;
import io.ddbio.testkit.junit.LocalDynamoDb;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/**
 * Items DynamoDB refuses, caught before the batch: nesting deeper than DynamoDB takes is a bad
 * record, and two lines whose keys are equal as numbers ({@code 1} and {@code 1.0}) are the same
 * key twice, the later line winning, instead of a ValidationException that fails the task.
 */
class ITRefusedItems {
  @RegisterExtension static final LocalDynamoDb ddb = LocalDynamoDb.started();

  /** A value of {@code containers} maps inside one another around a string. */
  private static AttributeValue nested(int containers) {
    AttributeValue v = AttributeValue.fromS("x");
    for (int i = 0; i < containers; i++) {
      v = AttributeValue.fromM(Map.of("a", v));
    }
    return v;
  }

  private static Map<String, AttributeValue> item(
      String pk, String sk, String name, AttributeValue v) {
    return Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromN(sk), name, v);
  }

  /**
   * What the check relies on, measured on DynamoDB Local: an item takes 31 maps inside one another
   * in an attribute (32 levels, the item counting as the first, as the developer guide's "up to 32
   * levels deep" counts them) and refuses 32.
   */
  @Test
  void dynamoDbLocalTakes32LevelsAndRefuses33() {
    PkSkTables.create(ddb.client(), "NestingLimit");

    // The item is the first level; each map in the attribute adds one.
    int last = ItemNesting.MAX_LEVELS - 1;
    ddb.client().putItem(b -> b.tableName("NestingLimit").item(item("a", "1", "d", nested(last))));

    DynamoDbException e =
        assertThrows(
            DynamoDbException.class,
            () ->
                ddb.client()
                    .putItem(
                        b ->
                            b.tableName("NestingLimit")
                                .item(item("b", "1", "d", nested(last + 1)))));
    assertTrue(e.getMessage().contains("nested levels beyond supported limit"), e.getMessage());
  }

  @Test
  void anItemNestedTooDeepIsABadRecordNamedOrSetAside(@TempDir Path tmp) throws Exception {
    PkSkTables.create(ddb.client(), "NestingStops");
    PkSkTables.create(ddb.client(), "NestingSetAside");
    Map<String, AttributeValue> first = item("first", "1", "v", AttributeValue.fromS("ok"));
    Map<String, AttributeValue> deepest = item("deepest", "3", "d", nested(31));
    Path backup = tmp.resolve("backup");
    Path data =
        Backups.writeItems(
            backup.resolve("part-0"),
            List.of(first, item("too-deep", "2", "d", nested(32)), deepest));
    Backups.writeManifest(backup);

    ImportRun stops = ImportRun.of(ddb, tmp.resolve("1"), backup.toString(), "NestingStops");

    assertEquals(1, stops.exit(), stops.err());
    assertTrue(
        stops.err().contains("Import failed: file:" + data + ":2: Item {pk=S:\"too-deep\""),
        stops.err());
    assertTrue(stops.err().contains("nests 33 levels deep"), stops.err());
    assertFalse(stops.err().contains("ValidationException"), stops.err());

    ImportRun setAside =
        ImportRun.of(
            ddb,
            tmp.resolve("2"),
            backup.toString(),
            "NestingSetAside",
            "--max-bad-records",
            "1",
            "--rejects-dir",
            tmp.resolve("rejects").toString());

    assertEquals(0, setAside.exit(), setAside.err());
    assertEquals(1, setAside.counter(DdbioCounter.BAD_RECORDS));
    PkSkTables.assertHolds(ddb.client(), "NestingSetAside", List.of(first, deepest));
  }

  @Test
  void keysEqualAsNumbersInOneBatchAreOneKeyAndTheLaterLineWins(@TempDir Path tmp)
      throws Exception {
    PkSkTables.create(ddb.client(), "NumericKeys");
    Path backup = tmp.resolve("backup");
    Backups.write(
        backup.resolve("part-0"),
        """
        {"pk":{"s":"a"},"sk":{"n":"1"},"v":{"s":"first"}}
        {"pk":{"s":"b"},"sk":{"n":"1"},"v":{"s":"other"}}
        {"pk":{"s":"a"},"sk":{"n":"1.0"},"v":{"s":"second"}}
        {"pk":{"s":"a"},"sk":{"n":"10E-1"},"v":{"s":"third"}}
        """);
    Backups.writeManifest(backup);

    ImportRun r = ImportRun.of(ddb, tmp, backup.toString(), "NumericKeys");

    assertEquals(0, r.exit(), r.err());
    assertEquals(4, r.counter(DdbioCounter.ITEMS_WRITTEN));
    List<Map<String, AttributeValue>> rows = Tables.scanAll(ddb.client(), "NumericKeys");
    assertEquals(2, rows.size(), rows.toString());
    Map<String, AttributeValue> a =
        rows.stream().filter(i -> i.get("pk").s().equals("a")).findFirst().orElseThrow();
    assertEquals("third", a.get("v").s());
  }
}
