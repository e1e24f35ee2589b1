package io.ddbio.importer.table;

import io.ddbio.backup.ExportMetadata;
import io.ddbio.backup.TableSchema;
import io.ddbio.config.DdbioOptions;
import io.ddbio.dynamodb.DynamoDBSession;
import io.ddbio.dynamodb.TableInfo;
import io.ddbio.importer.job.ImportSource;
import io.ddbio.retry.DynamoDBIOException;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.fs.Path;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.Tag;
import software.amazon.awssdk.services.dynamodb.waiters.DynamoDbWaiter;

/**
 * {@code --create-table}: creates the destination as the export recorded the source table in {@code
 * ddbio-export.json} (key schema, attribute definitions, global and local secondary indexes with
 * their projections, billing mode, provisioned capacity unless overridden) and waits until it is
 * ACTIVE. Streams, encryption, time to live, tags and backups are not recorded, so not created.
 *
 * <p>It only creates: a table that already exists fails the import, whatever its shape, so that an
 * import meant for a fresh table never mixes into one in use. Data Pipeline exports and native
 * exports by DynamoDB record no schema; their tables are the user's to create.
 */
public final class TableCreator {
  /** Longest wait for ACTIVE; a new table, indexes included, usually takes well under a minute. */
  static final Duration ACTIVE_TIMEOUT = Duration.ofMinutes(30);

  /** Pause between DescribeTable calls while waiting; the first call is made at once. */
  static final Duration POLL = Duration.ofSeconds(5);

  private TableCreator() {}

  /**
   * Creates the output table for {@code source} and waits until it is ACTIVE. Retries: CreateTable
   * on throttling and transient faults, through the session; the wait polls DescribeTable.
   *
   * @return a line telling what was created
   * @throws IOException naming the table when the export records no schema, the table exists, the
   *     new table would be on demand without {@code --write-units} (checked before creating), or
   *     creating or waiting fails
   */
  public static String create(ImportSource source, TableCreation creation, DdbioOptions options)
      throws IOException {
    String table = options.write().table();
    TableSchema schema = recordedSchema(source.metadata(), source.directory(), table);
    CreateTableRequest asked = request(source, creation, options);
    CreateTableRequest request = asked;
    StringBuilder notSet = new StringBuilder();
    try (DynamoDBSession session = DestinationTable.session(options)) {
      DynamoDbClient client = session.client();
      String place = DestinationTable.place(client);
      try {
        // Should an answer be lost and the call retried, the retry meets the table the first
        // attempt created and reports it as existing; importing without --create-table then
        // completes the restore. Rare, and no worse than failing.
        try {
          session.retrier().call("CreateTable " + table, () -> client.createTable(asked));
        } catch (DynamoDBIOException e) {
          if (!asked.hasTags() || asked.tags().isEmpty() || !e.refusedByService()) {
            throw e;
          }
          // A role may create tables but not tag them (dynamodb:TagResource): the data matters
          // more than the tags, which can be set afterwards.
          request = asked.toBuilder().tags((List<Tag>) null).build();
          CreateTableRequest untagged = request;
          session.retrier().call("CreateTable " + table, () -> client.createTable(untagged));
          notSet.append("; tags NOT set (").append(refusal(e)).append(')');
        }
      } catch (IOException e) {
        throw DestinationTable.failure(
            e,
            "create",
            table,
            place,
            ResourceInUseException.class,
            "already exists",
            "; --create-table only creates a new table. Import into it without"
                + " --create-table, or name a table that does not exist");
      }
      awaitActive(client, table, place);
      // CreateTable takes no time to live; it is set once the table is ACTIVE.
      Optional<String> ttl = schema.timeToLiveAttribute();
      if (ttl.isPresent()) {
        try {
          session
              .retrier()
              .call(
                  "UpdateTimeToLive " + table,
                  () ->
                      client.updateTimeToLive(
                          r ->
                              r.tableName(table)
                                  .timeToLiveSpecification(
                                      t -> t.attributeName(ttl.get()).enabled(true))));
        } catch (DynamoDBIOException e) {
          if (!e.refusedByService()) {
            throw e;
          }
          // The table is there and empty; failing now would leave it for a rerun to refuse.
          notSet
              .append("; time to live on ")
              .append(ttl.get())
              .append(" NOT set (")
              .append(refusal(e))
              .append("): set it with UpdateTimeToLive");
        }
      }
    }
    return "Created table \""
        + table
        + "\" as table \""
        + schema.tableName()
        + "\" was: "
        + shape(request)
        + settings(schema, request.hasTags(), notSet.indexOf("time to live") < 0)
        + notSet;
  }

  private static String refusal(DynamoDBIOException e) {
    return e.getCause() instanceof AwsServiceException s && s.awsErrorDetails() != null
        ? s.awsErrorDetails().errorCode() + ": " + s.awsErrorDetails().errorMessage()
        : String.valueOf(e.getCause());
  }

  /**
   * What the new table keeps besides its shape, and what the backup did not record.
   *
   * @param tagsSet whether the table was created with its tags
   * @param timeToLiveSet whether its time to live was set (when there is one)
   */
  private static String settings(TableSchema schema, boolean tagsSet, boolean timeToLiveSet) {
    StringBuilder sb = new StringBuilder();
    if (schema.timeToLive() == null) {
      sb.append("; time to live not recorded");
    } else if (timeToLiveSet) {
      schema.timeToLiveAttribute().ifPresent(a -> sb.append("; time to live on ").append(a));
    }
    if (schema.stream() != null && schema.stream().enabled()) {
      sb.append("; stream ").append(schema.stream().viewType());
    }
    if (schema.tableClass() != null) {
      sb.append("; table class ").append(schema.tableClass());
    }
    if (Boolean.TRUE.equals(schema.deletionProtection())) {
      sb.append("; deletion protection on");
    }
    if (schema.tags() == null) {
      sb.append("; tags not recorded");
    } else if (tagsSet && !schema.tags().isEmpty()) {
      sb.append("; ").append(schema.tags().size()).append(" tags");
    }
    return sb.toString();
  }

  /**
   * The table {@link #create} would create, described as DynamoDB would describe it once ACTIVE and
   * empty, for a plan ({@code --plan}); nothing is created. The same checks as {@link #create}.
   *
   * @throws IOException as {@link #create} does before creating
   */
  public static TableInfo planned(ImportSource source, TableCreation creation, DdbioOptions options)
      throws IOException {
    CreateTableRequest r = request(source, creation, options);
    TableDescription.Builder d =
        TableDescription.builder()
            .tableName(r.tableName())
            .keySchema(r.keySchema())
            .attributeDefinitions(r.attributeDefinitions())
            .billingModeSummary(b -> b.billingMode(r.billingMode()))
            .itemCount(0L)
            .tableSizeBytes(0L)
            .globalSecondaryIndexes(
                r.globalSecondaryIndexes().stream()
                    .map(
                        i ->
                            GlobalSecondaryIndexDescription.builder()
                                .indexName(i.indexName())
                                .build())
                    .toList());
    if (r.provisionedThroughput() != null) {
      d.provisionedThroughput(
          p ->
              p.readCapacityUnits(r.provisionedThroughput().readCapacityUnits())
                  .writeCapacityUnits(r.provisionedThroughput().writeCapacityUnits()));
    }
    return TableInfo.of(d.build());
  }

  /** The request that creates the table, once the checks that need no call have passed. */
  private static CreateTableRequest request(
      ImportSource source, TableCreation creation, DdbioOptions options) throws IOException {
    String table = options.write().table();
    TableSchema schema = recordedSchema(source.metadata(), source.directory(), table);
    boolean onDemand = BillingMode.PAY_PER_REQUEST.toString().equals(schema.billingMode());
    if (onDemand && creation.overridesCapacity()) {
      throw new IOException(
          "The source table \""
              + schema.tableName()
              + "\" was on demand, so table \""
              + table
              + "\" would be created on demand too: --create-read-units and --create-write-units"
              + " apply to provisioned tables only. Nothing was created");
    }
    return schema.toCreateTableRequest(table, creation.readUnits(), creation.writeUnits());
  }

  /** The schema the export recorded, with a key; else why there is none and what to do. */
  static TableSchema recordedSchema(Optional<ExportMetadata> metadata, Path dir, String table)
      throws IOException {
    Optional<TableSchema> schema =
        metadata
            .map(ExportMetadata::table)
            .filter(s -> s.keySchema() != null && !s.keySchema().isEmpty());
    if (schema.isEmpty()) {
      throw new IOException(
          "--create-table needs the source table's schema, and only exports written by ddbio"
              + " record it (in "
              + ExportMetadata.FILE_NAME
              + "); "
              + dir
              + " has none. Create table \""
              + table
              + "\" with the backup's key schema yourself, then import without --create-table");
    }
    return schema.get();
  }

  private static void awaitActive(DynamoDbClient client, String table, String place)
      throws IOException {
    WaiterOverrideConfiguration wait =
        WaiterOverrideConfiguration.builder()
            .backoffStrategyV2(BackoffStrategy.fixedDelayWithoutJitter(POLL))
            .maxAttempts((int) (ACTIVE_TIMEOUT.toSeconds() / POLL.toSeconds()) + 1)
            .waitTimeout(ACTIVE_TIMEOUT)
            .build();
    Optional<Throwable> failure;
    try (DynamoDbWaiter waiter =
        DynamoDbWaiter.builder().client(client).overrideConfiguration(wait).build()) {
      failure = waiter.waitUntilTableExists(r -> r.tableName(table)).matched().exception();
    } catch (SdkException e) {
      // The waiter throws when it gives up (time out) or meets an error it does not expect.
      failure = Optional.of(e);
    }
    if (failure.isPresent()) {
      throw new IOException(
          "Table \""
              + table
              + "\" was created "
              + place
              + " but did not become ACTIVE within "
              + ACTIVE_TIMEOUT.toMinutes()
              + " minutes: "
              + failure.get().getMessage(),
          failure.get());
    }
  }

  /** Billing and index counts of a request, for the user. */
  private static String shape(CreateTableRequest r) {
    String billing =
        r.provisionedThroughput() == null
            ? "on demand"
            : "provisioned "
                + r.provisionedThroughput().readCapacityUnits()
                + " read / "
                + r.provisionedThroughput().writeCapacityUnits()
                + " write units";
    return billing
        + ", "
        + r.globalSecondaryIndexes().size()
        + " global and "
        + r.localSecondaryIndexes().size()
        + " local secondary indexes";
  }
}
