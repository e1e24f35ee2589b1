package io.ddbio.backup;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.ddbio.dynamodb.TableSettings;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputDescription;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * A table's shape as a backup carries it: enough to check a destination's key schema and to create
 * a table like the source. Plain records, so the metadata file is readable JSON.
 *
 * @param tableName the source table's name
 * @param keySchema key attributes, partition key first
 * @param attributeDefinitions types of the key attributes of the table and its indexes
 * @param billingMode {@code PROVISIONED} or {@code PAY_PER_REQUEST}
 * @param readCapacityUnits provisioned read units, 0 when on demand
 * @param writeCapacityUnits provisioned write units, 0 when on demand
 * @param globalSecondaryIndexes the global secondary indexes
 * @param localSecondaryIndexes the local secondary indexes
 * @param timeToLive the table's time to live; null when not recorded (an export by an older ddbio,
 *     or one whose caller may not call DescribeTimeToLive)
 * @param stream the table's stream; null when not recorded or the table has none
 * @param tableClass {@code STANDARD} or {@code STANDARD_INFREQUENT_ACCESS}; null when not recorded
 * @param deletionProtection whether the table is protected from deletion; null when not recorded
 * @param tags the table's tags; null when not recorded (an export by an older ddbio, or one whose
 *     caller may not call ListTagsOfResource), empty when it has none
 */
public record TableSchema(
    String tableName,
    List<Key> keySchema,
    List<Attribute> attributeDefinitions,
    String billingMode,
    long readCapacityUnits,
    long writeCapacityUnits,
    List<Index> globalSecondaryIndexes,
    List<Index> localSecondaryIndexes,
    @JsonInclude(JsonInclude.Include.NON_NULL) TimeToLive timeToLive,
    @JsonInclude(JsonInclude.Include.NON_NULL) Stream stream,
    @JsonInclude(JsonInclude.Include.NON_NULL) String tableClass,
    @JsonInclude(JsonInclude.Include.NON_NULL) Boolean deletionProtection,
    @JsonInclude(JsonInclude.Include.NON_NULL) List<Tag> tags) {

  /** A schema with keys, capacity and indexes only, as older ddbio recorded it. */
  public TableSchema(
      String tableName,
      List<Key> keySchema,
      List<Attribute> attributeDefinitions,
      String billingMode,
      long readCapacityUnits,
      long writeCapacityUnits,
      List<Index> globalSecondaryIndexes,
      List<Index> localSecondaryIndexes) {
    this(
        tableName,
        keySchema,
        attributeDefinitions,
        billingMode,
        readCapacityUnits,
        writeCapacityUnits,
        globalSecondaryIndexes,
        localSecondaryIndexes,
        null,
        null,
        null,
        null,
        null);
  }

  /**
   * A table's time to live.
   *
   * @param attributeName the attribute holding each item's expiry, in epoch seconds
   * @param enabled whether it is on ({@code ENABLED} or {@code ENABLING} when described)
   */
  public record TimeToLive(String attributeName, boolean enabled) {}

  /**
   * A table's stream.
   *
   * @param enabled whether it is on
   * @param viewType {@code KEYS_ONLY}, {@code NEW_IMAGE}, {@code OLD_IMAGE} or {@code
   *     NEW_AND_OLD_IMAGES}
   */
  public record Stream(boolean enabled, String viewType) {}

  /**
   * One tag.
   *
   * @param key its key
   * @param value its value
   */
  public record Tag(String key, String value) {}

  /**
   * One key element.
   *
   * @param attributeName the attribute
   * @param keyType {@code HASH} or {@code RANGE}
   */
  public record Key(String attributeName, String keyType) {}

  /**
   * One attribute definition.
   *
   * @param attributeName the attribute
   * @param attributeType {@code S}, {@code N} or {@code B}
   */
  public record Attribute(String attributeName, String attributeType) {}

  /**
   * One secondary index.
   *
   * @param indexName the index
   * @param keySchema its key
   * @param projectionType {@code ALL}, {@code KEYS_ONLY} or {@code INCLUDE}
   * @param nonKeyAttributes projected attributes for {@code INCLUDE}
   * @param readCapacityUnits provisioned read units of a global index, 0 otherwise
   * @param writeCapacityUnits provisioned write units of a global index, 0 otherwise
   */
  public record Index(
      String indexName,
      List<Key> keySchema,
      String projectionType,
      List<String> nonKeyAttributes,
      long readCapacityUnits,
      long writeCapacityUnits) {}

  /** The schema of a described table. */
  public static TableSchema of(TableDescription d) {
    boolean onDemand =
        d.billingModeSummary() != null
            && d.billingModeSummary().billingMode() == BillingMode.PAY_PER_REQUEST;
    return new TableSchema(
        d.tableName(),
        keys(d.keySchema()),
        d.attributeDefinitions().stream()
            .map(a -> new Attribute(a.attributeName(), a.attributeTypeAsString()))
            .toList(),
        onDemand ? BillingMode.PAY_PER_REQUEST.toString() : BillingMode.PROVISIONED.toString(),
        units(d.provisionedThroughput(), true),
        units(d.provisionedThroughput(), false),
        d.globalSecondaryIndexes().stream().map(TableSchema::index).toList(),
        d.localSecondaryIndexes().stream().map(TableSchema::index).toList(),
        null,
        d.streamSpecification() == null
                || !Boolean.TRUE.equals(d.streamSpecification().streamEnabled())
            ? null
            : new Stream(true, d.streamSpecification().streamViewTypeAsString()),
        d.tableClassSummary() == null ? null : d.tableClassSummary().tableClassAsString(),
        d.deletionProtectionEnabled(),
        null);
  }

  /**
   * This schema with what DescribeTable does not tell: the time to live and the tags, each left
   * unrecorded when it could not be read.
   */
  public TableSchema with(TableSettings settings) {
    return new TableSchema(
        tableName,
        keySchema,
        attributeDefinitions,
        billingMode,
        readCapacityUnits,
        writeCapacityUnits,
        globalSecondaryIndexes,
        localSecondaryIndexes,
        settings
            .timeToLive()
            .map(t -> new TimeToLive(t.attributeName(), TableSettings.enabled(t)))
            .orElse(null),
        stream,
        tableClass,
        deletionProtection,
        settings
            .tags()
            .map(
                l ->
                    l.stream()
                        // aws: keys are DynamoDB's and AWS's own; CreateTable refuses them.
                        .filter(t -> !t.key().startsWith("aws:"))
                        .map(t -> new Tag(t.key(), t.value()))
                        .toList())
            .orElse(null));
  }

  /** The time-to-live attribute, when the table's time to live is on. */
  @JsonIgnore
  public Optional<String> timeToLiveAttribute() {
    return timeToLive != null && timeToLive.enabled()
        ? Optional.of(timeToLive.attributeName())
        : Optional.empty();
  }

  private static Index index(GlobalSecondaryIndexDescription g) {
    return new Index(
        g.indexName(),
        keys(g.keySchema()),
        g.projection().projectionTypeAsString(),
        g.projection().nonKeyAttributes(),
        units(g.provisionedThroughput(), true),
        units(g.provisionedThroughput(), false));
  }

  private static Index index(LocalSecondaryIndexDescription l) {
    return new Index(
        l.indexName(),
        keys(l.keySchema()),
        l.projection().projectionTypeAsString(),
        l.projection().nonKeyAttributes(),
        0,
        0);
  }

  private static List<Key> keys(List<KeySchemaElement> elements) {
    return elements.stream().map(k -> new Key(k.attributeName(), k.keyTypeAsString())).toList();
  }

  private static long units(ProvisionedThroughputDescription pt, boolean read) {
    if (pt == null) {
      return 0;
    }
    Long v = read ? pt.readCapacityUnits() : pt.writeCapacityUnits();
    return v == null ? 0 : v;
  }

  /**
   * A request creating a table of this shape named {@code name}. Provisioned capacity, when the
   * schema is provisioned, is the source's unless {@code readUnits}/{@code writeUnits} are
   * positive.
   */
  public CreateTableRequest toCreateTableRequest(String name, long readUnits, long writeUnits) {
    boolean provisioned = BillingMode.PROVISIONED.toString().equals(billingMode);
    ProvisionedThroughput table =
        provisioned
            ? throughput(readUnits, writeUnits, readCapacityUnits, writeCapacityUnits)
            : null;
    CreateTableRequest.Builder b =
        CreateTableRequest.builder()
            .tableName(name)
            .keySchema(sdkKeys(keySchema))
            .attributeDefinitions(
                attributeDefinitions.stream()
                    .map(
                        a ->
                            AttributeDefinition.builder()
                                .attributeName(a.attributeName())
                                .attributeType(a.attributeType())
                                .build())
                    .toList())
            .billingMode(billingMode)
            .provisionedThroughput(table);
    if (!globalSecondaryIndexes.isEmpty()) {
      b.globalSecondaryIndexes(
          globalSecondaryIndexes.stream()
              .map(
                  g ->
                      GlobalSecondaryIndex.builder()
                          .indexName(g.indexName())
                          .keySchema(sdkKeys(g.keySchema()))
                          .projection(projection(g))
                          .provisionedThroughput(
                              provisioned
                                  ? throughput(
                                      readUnits,
                                      writeUnits,
                                      g.readCapacityUnits(),
                                      g.writeCapacityUnits())
                                  : null)
                          .build())
              .toList());
    }
    if (!localSecondaryIndexes.isEmpty()) {
      b.localSecondaryIndexes(
          localSecondaryIndexes.stream()
              .map(
                  l ->
                      LocalSecondaryIndex.builder()
                          .indexName(l.indexName())
                          .keySchema(sdkKeys(l.keySchema()))
                          .projection(projection(l))
                          .build())
              .toList());
    }
    if (stream != null && stream.enabled()) {
      b.streamSpecification(s -> s.streamEnabled(true).streamViewType(stream.viewType()));
    }
    if (tableClass != null) {
      b.tableClass(tableClass);
    }
    if (deletionProtection != null) {
      b.deletionProtectionEnabled(deletionProtection);
    }
    if (tags != null && !tags.isEmpty()) {
      b.tags(
          tags.stream()
              .map(
                  t ->
                      software.amazon.awssdk.services.dynamodb.model.Tag.builder()
                          .key(t.key())
                          .value(t.value())
                          .build())
              .toList());
    }
    return b.build();
  }

  private static ProvisionedThroughput throughput(
      long readOverride, long writeOverride, long read, long write) {
    return ProvisionedThroughput.builder()
        .readCapacityUnits(Math.max(1, readOverride > 0 ? readOverride : read))
        .writeCapacityUnits(Math.max(1, writeOverride > 0 ? writeOverride : write))
        .build();
  }

  private static Projection projection(Index i) {
    Projection.Builder p = Projection.builder().projectionType(i.projectionType());
    if (i.nonKeyAttributes() != null && !i.nonKeyAttributes().isEmpty()) {
      p.nonKeyAttributes(i.nonKeyAttributes());
    }
    return p.build();
  }

  private static List<KeySchemaElement> sdkKeys(List<Key> keys) {
    return keys.stream()
        .map(
            k ->
                KeySchemaElement.builder()
                    .attributeName(k.attributeName())
                    .keyType(k.keyType())
                    .build())
        .toList();
  }
}
