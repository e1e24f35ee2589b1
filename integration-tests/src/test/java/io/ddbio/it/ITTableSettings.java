package io.ddbio.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ddbio.item.Expiry;
import io.ddbio.metrics.DdbioCounter;
import io.ddbio.testing.LocalJobs;
import io.ddbio.testkit.KeySpec;
import io.ddbio.testkit.Tables;
import io.ddbio.testkit.items.SizedItems;
import io.ddbio.testkit.junit.LocalDynamoDb;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableClass;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.Tag;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/**
 * What a restored table keeps besides its items: the export records the source's time to live,
 * stream, table class, deletion protection and tags, and {@code --create-table} sets them again;
 * and {@code --skip-expired} leaves out, on export and on import, the items DynamoDB holds expired
 * but has not deleted yet, by DynamoDB's own rule (a Number of epoch seconds in the past, but no
 * more than five years back).
 */
class ITTableSettings {
  private static final String SOURCE = "settings_source";
  private static final String TTL = "expiresAt";
  private static final long NOW = Instant.now().getEpochSecond();

  /** Items that expire by DynamoDB's rule. */
  private static final int EXPIRED = 12;

  @TempDir static java.nio.file.Path work;

  @RegisterExtension static final LocalDynamoDb ddb = LocalDynamoDb.inOwnJvm();

  private static Configuration conf;
  private static List<Map<String, AttributeValue>> items;

  @BeforeAll
  static void createSource() {
    conf = LocalJobs.conf(work, 2);
    DynamoDbClient client = ddb.client();
    client.createTable(
        r ->
            r.tableName(SOURCE)
                .keySchema(
                    KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
                    KeySchemaElement.builder().attributeName("sk").keyType(KeyType.RANGE).build())
                .attributeDefinitions(
                    AttributeDefinition.builder()
                        .attributeName("pk")
                        .attributeType(ScalarAttributeType.S)
                        .build(),
                    AttributeDefinition.builder()
                        .attributeName("sk")
                        .attributeType(ScalarAttributeType.N)
                        .build())
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .streamSpecification(
                    s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES))
                .tableClass(TableClass.STANDARD_INFREQUENT_ACCESS)
                .tags(
                    Tag.builder().key("team").value("data").build(),
                    Tag.builder().key("env").value("test").build()));
    client.updateTimeToLive(
        r -> r.tableName(SOURCE).timeToLiveSpecification(t -> t.attributeName(TTL).enabled(true)));
    items = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      Map<String, AttributeValue> item = new HashMap<>(SizedItems.item(i, 200));
      switch (i % 5) {
        case 0 -> {} // no time to live: kept
        case 1 -> item.put(TTL, AttributeValue.fromN(Long.toString(NOW + 86_400))); // future
        case 2 -> item.put(TTL, AttributeValue.fromN(Long.toString(NOW - 3_600))); // expired
        case 3 -> // more than five years back: DynamoDB never deletes it
            item.put(TTL, AttributeValue.fromN(Long.toString(NOW - 6L * 366 * 86_400)));
        default -> item.put(TTL, AttributeValue.fromS(Long.toString(NOW - 3_600))); // a string
      }
      items.add(item);
    }
    Tables.putAll(client, SOURCE, items);
  }

  @Test
  void createTableSetsTheRecordedTimeToLiveAndStreamAndSaysWhatWasNotRecorded() throws Exception {
    java.nio.file.Path out = work.resolve("settings-export");
    ToolRun exported =
        ToolRun.export(conf, ddb.endpoint(), ToolArgs.export(new Path(out.toUri()), SOURCE, 2));
    exported.assertSucceeded();
    JsonNode table =
        new ObjectMapper().readTree(out.resolve("ddbio-export.json").toFile()).get("table");
    assertEquals(TTL, table.get("timeToLive").get("attributeName").asText(), table.toString());
    assertTrue(table.get("timeToLive").get("enabled").asBoolean(), table.toString());
    assertEquals("NEW_AND_OLD_IMAGES", table.get("stream").get("viewType").asText());
    // DynamoDB Local reports no table class (it keeps none), so what is recorded of it is checked
    // in TestTableSchema against a described table that has one.
    // DynamoDB Local answers ListTagsOfResource "Tagging is not currently supported", as DynamoDB
    // answers a role without dynamodb:ListTagsOfResource: the export goes on, says so, and records
    // no tags rather than none (the record and the restore of tags are TestTableSchemaSettings').
    assertNull(table.get("tags"), table::toString);
    assertTrue(
        exported.stderr().contains("The tags of table \"settings_source\" could not be read"),
        exported.stderr());

    String restored = "settings_restored";
    ToolRun imported =
        ToolRun.importer(
            conf,
            ddb.endpoint(),
            ToolArgs.importer(new Path(out.toUri()), restored, "--create-table"));
    imported.assertSucceeded();
    assertTrue(imported.stderr().contains("time to live on " + TTL), imported.stderr());
    DynamoDbClient client = ddb.client();
    TableDescription d = client.describeTable(r -> r.tableName(restored)).table();
    assertEquals(StreamViewType.NEW_AND_OLD_IMAGES, d.streamSpecification().streamViewType());
    assertTrue(d.streamSpecification().streamEnabled());
    TimeToLiveDescription ttl =
        client.describeTimeToLive(r -> r.tableName(restored)).timeToLiveDescription();
    assertEquals(TTL, ttl.attributeName());
    assertEquals(TimeToLiveStatus.ENABLED, ttl.timeToLiveStatus());
    assertTrue(imported.stderr().contains("tags not recorded"), imported.stderr());
    // Both tables expire items as they go, so the check is of what the tools moved.
    assertEquals(
        exported.counters().findCounter(DdbioCounter.ITEMS_READ).getValue(),
        imported.counters().findCounter(DdbioCounter.ITEMS_WRITTEN).getValue());
  }

  /**
   * DynamoDB Local, as DynamoDB, deletes expired items in the background, a few a second: how many
   * expired items an export still finds is not known beforehand, but every other item is exported
   * and every item read is either exported or counted as left out.
   */
  @Test
  void skipExpiredOnExportLeavesOutWhatDynamoDbHoldsExpired() throws Exception {
    java.nio.file.Path skipped = work.resolve("skipped");
    ToolRun exported =
        ToolRun.export(
            conf,
            ddb.endpoint(),
            ToolArgs.export(new Path(skipped.toUri()), SOURCE, 3, "--skip-expired"));
    exported.assertSucceeded();
    long read = exported.counters().findCounter(DdbioCounter.ITEMS_READ).getValue();
    long leftOut = exported.counters().findCounter(DdbioCounter.ITEMS_EXPIRED).getValue();
    JsonNode metadata = new ObjectMapper().readTree(skipped.resolve("ddbio-export.json").toFile());
    assertEquals(items.size() - EXPIRED, metadata.get("itemCount").asLong());
    assertEquals(read, metadata.get("itemCount").asLong() + leftOut);
    assertTrue(leftOut <= EXPIRED, () -> leftOut + " left out");
    assertEquals(TTL, metadata.get("expiredLeftOut").get("attribute").asText());
    if (leftOut > 0) {
      assertTrue(
          exported.stdout().matches("(?s).*expired items left out: +" + leftOut + "\n.*"),
          exported.stdout());
    }
  }

  /**
   * The import judges by the destination's time to live: a backup of a table without one (so its
   * expired items are all in it) restores into a table with one, less exactly the expired items.
   */
  @Test
  void skipExpiredOnImportLeavesOutExactlyTheExpiredItemsOfTheBackup() throws Exception {
    String plain = "settings_ttl_off";
    Tables.createTable(ddb.client(), plain, KeySpec.string("pk"), KeySpec.number("sk"));
    Tables.putAll(ddb.client(), plain, items);
    java.nio.file.Path whole = work.resolve("whole");
    ToolRun.export(conf, ddb.endpoint(), ToolArgs.export(new Path(whole.toUri()), plain, 2))
        .assertSucceeded();

    String target = "settings_live_only";
    Tables.createTable(ddb.client(), target, KeySpec.string("pk"), KeySpec.number("sk"));
    ddb.client()
        .updateTimeToLive(
            r ->
                r.tableName(target)
                    .timeToLiveSpecification(t -> t.attributeName(TTL).enabled(true)));
    ToolRun imported =
        ToolRun.importer(
            conf,
            ddb.endpoint(),
            ToolArgs.importer(new Path(whole.toUri()), target, "--skip-expired"));
    imported.assertSucceeded();
    assertEquals(EXPIRED, imported.counters().findCounter(DdbioCounter.ITEMS_EXPIRED).getValue());
    assertEquals(
        items.size() - EXPIRED,
        imported.counters().findCounter(DdbioCounter.ITEMS_WRITTEN).getValue());
    assertTrue(
        imported.stdout().matches("(?s).*expired items left out: +" + EXPIRED + "\n.*"),
        imported.stdout());
    List<Map<String, AttributeValue>> live = Tables.scanAll(ddb.client(), target);
    assertEquals(items.size() - EXPIRED, live.size());
    Expiry rule = Expiry.at(TTL, Instant.ofEpochSecond(NOW));
    for (Map<String, AttributeValue> item : live) {
      assertFalse(rule.expired(item), () -> "an expired item was restored: " + item);
    }

    // Without a time to live on the table or in the backup there is nothing to judge by.
    ToolRun refused =
        ToolRun.importer(
            conf,
            ddb.endpoint(),
            ToolArgs.importer(new Path(whole.toUri()), plain, "--skip-expired"));
    assertEquals(1, refused.status(), refused.stderr());
    assertTrue(refused.stderr().contains("needs a time-to-live attribute"), refused.stderr());
  }

  @Test
  void skipExpiredOnExportNeedsATimeToLive() throws Exception {
    String plain = "settings_no_ttl";
    Tables.createTable(
        ddb.client(),
        plain,
        io.ddbio.testkit.KeySpec.string("pk"),
        io.ddbio.testkit.KeySpec.number("sk"));
    Tables.putAll(ddb.client(), plain, SizedItems.items(5, 100));
    java.nio.file.Path out = work.resolve("no-ttl");
    ToolRun refused =
        ToolRun.export(
            conf,
            ddb.endpoint(),
            ToolArgs.export(new Path(out.toUri()), plain, 1, "--skip-expired"));
    assertEquals(2, refused.status(), refused.stderr());
    assertTrue(refused.stderr().contains("has no time to live on"), refused.stderr());
    assertFalse(Files.exists(out), "nothing is written");
  }
}
