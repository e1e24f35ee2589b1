package io.ddbio.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ddbio.dynamodb.TableSettings;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableClass;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.Tag;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/** What a backup records of a table besides its keys and indexes, and what a restore asks for. */
class TestTableSchemaSettings {
  private static TableDescription described() {
    return TestExportMetadata.describedTable().toBuilder()
        .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.KEYS_ONLY))
        .tableClassSummary(c -> c.tableClass(TableClass.STANDARD_INFREQUENT_ACCESS))
        .deletionProtectionEnabled(true)
        .build();
  }

  private static final TableSettings SETTINGS =
      new TableSettings(
          Optional.of(
              TimeToLiveDescription.builder()
                  .attributeName("expiresAt")
                  .timeToLiveStatus(TimeToLiveStatus.ENABLED)
                  .build()),
          Optional.of(
              List.of(
                  Tag.builder().key("team").value("data").build(),
                  Tag.builder().key("aws:cloudformation:stack-name").value("s").build())));

  @Test
  void recordsTheStreamClassProtectionTimeToLiveAndTagsAndAsksForThemAgain() throws Exception {
    TableSchema schema = TableSchema.of(described()).with(SETTINGS);
    ObjectMapper json = new ObjectMapper();
    TableSchema read = json.readValue(json.writeValueAsString(schema), TableSchema.class);
    assertEquals(schema, read, "the record survives ddbio-export.json");
    assertEquals(Optional.of("expiresAt"), read.timeToLiveAttribute());

    CreateTableRequest r = read.toCreateTableRequest("Copy", 0, 0);
    assertTrue(r.streamSpecification().streamEnabled());
    assertEquals(StreamViewType.KEYS_ONLY, r.streamSpecification().streamViewType());
    assertEquals(TableClass.STANDARD_INFREQUENT_ACCESS, r.tableClass());
    assertTrue(r.deletionProtectionEnabled());
    assertEquals(
        List.of(Tag.builder().key("team").value("data").build()),
        r.tags(),
        "aws: tags are AWS's own, and CreateTable refuses them");
  }

  @Test
  void whatWasNotRecordedIsNotAskedFor() throws Exception {
    // As older ddbio wrote it: null settings are not written at all.
    String older =
        new ObjectMapper().writeValueAsString(TableSchema.of(TestExportMetadata.describedTable()));
    assertFalse(older.contains("timeToLive"), older);
    TableSchema schema = new ObjectMapper().readValue(older, TableSchema.class);
    assertNull(schema.timeToLive());
    assertNull(schema.tags());
    assertFalse(schema.timeToLiveAttribute().isPresent());
    CreateTableRequest r = schema.toCreateTableRequest("Copy", 0, 0);
    assertNull(r.streamSpecification());
    assertNull(r.tableClass());
    assertFalse(r.hasTags());

    TableSchema refused =
        TableSchema.of(TestExportMetadata.describedTable())
            .with(new TableSettings(Optional.empty(), Optional.empty()));
    assertNull(refused.timeToLive(), "a setting that could not be read is not recorded");
    assertNull(refused.tags());
  }

  @Test
  void aTimeToLiveThatIsOffIsRecordedAsOff() {
    TableSchema schema =
        TableSchema.of(TestExportMetadata.describedTable())
            .with(
                new TableSettings(
                    Optional.of(
                        TimeToLiveDescription.builder()
                            .timeToLiveStatus(TimeToLiveStatus.DISABLED)
                            .build()),
                    Optional.of(List.of())));
    assertFalse(schema.timeToLive().enabled());
    assertFalse(schema.timeToLiveAttribute().isPresent());
    assertEquals(List.of(), schema.tags());
  }
}
