package io.ddbio.importer.check;

import static io.ddbio.importer.Messages.assertMentions;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbio.dynamodb.KeyAttribute;
import io.ddbio.dynamodb.TableInfo;
import io.ddbio.importer.Backups;
import io.ddbio.importer.layout.BackupLayout;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/** The key check against a described table, from metadata or from the first items. */
class TestKeySchemaCheck {
  private static final Configuration CONF = new Configuration();
  private static final TableInfo PK_SK = table(key("pk", "S"), key("sk", "N"));
  private static final String ITEM = "{\"pk\":{\"s\":\"a\"},\"sk\":{\"n\":\"1\"}}\n";

  @TempDir Path tmp;

  private static KeyAttribute key(String name, String type) {
    return new KeyAttribute(name, ScalarAttributeType.fromValue(type));
  }

  private static TableInfo table(KeyAttribute... keys) {
    TableDescription.Builder d = TableDescription.builder().tableName("Dest");
    d.keySchema(
        IntStream.range(0, keys.length)
            .mapToObj(
                i ->
                    KeySchemaElement.builder()
                        .attributeName(keys[i].name())
                        .keyType(i == 0 ? KeyType.HASH : KeyType.RANGE)
                        .build())
            .toList());
    d.attributeDefinitions(
        Arrays.stream(keys)
            .map(
                k ->
                    AttributeDefinition.builder()
                        .attributeName(k.name())
                        .attributeType(k.type())
                        .build())
            .toList());
    return TableInfo.of(d.build());
  }

  private BackupLayout layout() throws IOException {
    // These backups have no manifest; what is read, not how the files were found, is tested here.
    return BackupLayout.locate(Backups.hadoop(tmp.resolve("b")), CONF, true);
  }

  private String failure(TableInfo table) throws IOException {
    BackupLayout layout = layout();
    return assertThrows(IOException.class, () -> KeySchemaCheck.check(table, layout, CONF))
        .getMessage();
  }

  @Test
  void sameKeyPasses() {
    assertDoesNotThrow(
        () -> KeySchemaCheck.compare(PK_SK, List.of(key("pk", "S"), key("sk", "N")), "Src"));
  }

  @Test
  void differentKeysAreNamed() {
    String m =
        assertThrows(
                IOException.class,
                () -> KeySchemaCheck.compare(PK_SK, List.of(key("pk", "N")), "Src"))
            .getMessage();
    assertTrue(m.contains("partition key pk (N) in the backup, pk (S) in the table"), m);
    assertTrue(m.contains("sort key none in the backup, sk (N) in the table"), m);
    assertTrue(m.contains("\"Src\"") && m.contains("\"Dest\""), m);
  }

  @Test
  void firstItemsWithTheKeyPass() throws IOException {
    Backups.write(tmp.resolve("b").resolve("a-empty"), "");
    Backups.write(tmp.resolve("b").resolve("b-data"), "\n  \n" + ITEM + ITEM);

    assertDoesNotThrow(() -> KeySchemaCheck.check(PK_SK, layout(), CONF));
  }

  @Test
  void itemWithoutAKeyAttributeIsNamedWithFileAndLine() throws IOException {
    Path f =
        Backups.write(
            tmp.resolve("b").resolve("data"),
            ITEM + "\n{\"pk\":{\"s\":\"b\"},\"other\":{\"n\":\"1\"}}\n");

    String m = failure(PK_SK);

    assertTrue(m.startsWith("file:" + f + ":3: Item has no key attribute sk (N)"), m);
    assertTrue(m.contains("nothing was written"), m);
  }

  @Test
  void keyOfAnotherTypeIsNamed() throws IOException {
    Backups.write(
        tmp.resolve("b").resolve("data"), "{\"pk\":{\"s\":\"a\"},\"sk\":{\"s\":\"1\"}}\n");

    String m = failure(PK_SK);

    assertTrue(m.contains(":1: Key attribute sk (N) of table \"Dest\" has type S"), m);
  }

  @Test
  void tableKeyedOtherwiseFailsOnTheFirstItem() throws IOException {
    Backups.write(tmp.resolve("b").resolve("data"), ITEM);

    assertTrue(failure(table(key("id", "S"))).contains(":1: Item has no key attribute id (S)"));
  }

  @Test
  void unreadableLineAmongTheFirstFails() throws IOException {
    Backups.write(tmp.resolve("b").resolve("data"), ITEM + "{\"pk\":\n");

    assertTrue(failure(PK_SK).contains("data:2: "));
  }

  @Test
  void badLinesUpToTheLimitAreLeftToTheJob() throws IOException {
    Configuration conf = new Configuration();
    conf.setInt("dynamodb.max.bad.records", 2);
    Backups.write(
        tmp.resolve("b").resolve("data"), "{\"pk\":\n" + ITEM + "{\"pk\":{\"s\":\"b\"}}\n" + ITEM);

    assertDoesNotThrow(() -> KeySchemaCheck.check(PK_SK, layout(), conf));
  }

  @Test
  void moreBadLinesThanTheLimitAmongTheFirstFailBeforeTheJob() throws IOException {
    Configuration conf = new Configuration();
    conf.setInt("dynamodb.max.bad.records", 2);
    String otherTable = "{\"id\":{\"s\":\"a\"}}\n";
    Backups.write(tmp.resolve("b").resolve("data"), otherTable.repeat(5));
    BackupLayout layout = layout();

    String m =
        assertThrows(IOException.class, () -> KeySchemaCheck.check(PK_SK, layout, conf))
            .getMessage();

    assertMentions(
        m,
        "data:3: Item has no key attribute pk (S)",
        "more than the 2 bad records --max-bad-records");
    assertTrue(m.endsWith("nothing was written"), m);
  }

  @Test
  void onlyTheFirstLinesAreSampled() throws IOException {
    String bad = "{\"id\":{\"s\":\"a\"}}\n";
    Backups.write(tmp.resolve("b").resolve("data"), ITEM.repeat(KeySchemaCheck.SAMPLE_LINES) + bad);

    assertDoesNotThrow(() -> KeySchemaCheck.check(PK_SK, layout(), CONF));
  }

  @Test
  void metadataKeyIsComparedInsteadOfItems() throws IOException {
    Path dir = tmp.resolve("b");
    Path data = Backups.write(dir.resolve("data"), "{\"no\":{\"s\":\"key\"}}\n");
    Backups.writeMetadata(dir, List.of(data), 1, "pk", "S", "sk", "N");
    assertDoesNotThrow(() -> KeySchemaCheck.check(PK_SK, layout(), CONF));

    Backups.writeMetadata(dir, List.of(data), 1, "id", "S");
    String m = failure(PK_SK);
    assertTrue(m.contains("partition key id (S) in the backup, pk (S) in the table"), m);
  }
}
