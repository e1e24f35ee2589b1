package io.ddbio.importer.table;

import io.ddbio.config.DdbioOptions;
import io.ddbio.dynamodb.DynamoDBSession;
import io.ddbio.dynamodb.TableInfo;
import io.ddbio.dynamodb.TableSettings;
import io.ddbio.metrics.CounterSink;
import java.io.IOException;
import java.util.function.Consumer;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbServiceClientConfiguration;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * The table an import writes, described before anything is read or written. The import creates it
 * only when asked ({@code --create-table}, {@link TableCreator}): Data Pipeline's import never did,
 * and a table's capacity, indexes and settings are the owner's to choose.
 */
public final class DestinationTable {
  private DestinationTable() {}

  /**
   * Describes the output table. Retries: throttling and transient faults, through the session.
   *
   * @throws IOException naming the table, region and endpoint when the table does not exist or
   *     DynamoDB cannot be reached
   */
  public static TableInfo describe(DdbioOptions options) throws IOException {
    String table = options.write().table();
    try (DynamoDBSession session = session(options)) {
      String place = place(session.client());
      try {
        return TableInfo.describe(session.client(), session.retrier(), table);
      } catch (IOException e) {
        throw failure(
            e,
            "describe",
            table,
            place,
            ResourceNotFoundException.class,
            "does not exist",
            ". The import writes into an existing table: create it with the backup's key"
                + " schema first, or check the table name, --region and --endpoint");
      }
    }
  }

  /**
   * The destination's settings that DescribeTable does not tell ({@link TableSettings}), such as
   * its time to live. Retries: as {@link TableSettings#read}.
   *
   * @param warnings told of a setting that could not be read
   */
  public static TableSettings settings(
      DdbioOptions options, TableInfo table, Consumer<String> warnings) throws IOException {
    try (DynamoDBSession session = session(options)) {
      return TableSettings.read(session, table, warnings);
    }
  }

  /**
   * A session for the output table; makes no network call.
   *
   * @throws IOException when no client can be set up (most often: no region)
   */
  static DynamoDBSession session(DdbioOptions options) throws IOException {
    try {
      return DynamoDBSession.open(options, CounterSink.NONE);
    } catch (SdkClientException e) {
      throw new IOException(
          "Cannot set up a DynamoDB client for table \""
              + options.write().table()
              + "\": "
              + e.getMessage()
              + " (give --region, or set dynamodb.region)",
          e);
    }
  }

  /** Where the client's calls go, for messages: region and endpoint. */
  static String place(DynamoDbClient client) {
    DynamoDbServiceClientConfiguration c = client.serviceClientConfiguration();
    return "in region "
        + c.region()
        + c.endpointOverride().map(e -> " at endpoint " + e).orElse(" (its public endpoint)");
  }

  /**
   * What to report when a call about {@code table} failed: when DynamoDB refused it for the reason
   * the caller knows ({@code known} among the causes), {@code Table "t" <state> <place><advice>};
   * otherwise {@code Cannot <action> table "t" <place>: <failure>}.
   *
   * @param place where the call went ({@link #place})
   */
  static IOException failure(
      IOException e,
      String action,
      String table,
      String place,
      Class<? extends Throwable> known,
      String state,
      String advice) {
    if (causedBy(e, known)) {
      return new IOException("Table \"" + table + "\" " + state + " " + place + advice, e);
    }
    return new IOException(
        "Cannot " + action + " table \"" + table + "\" " + place + ": " + e.getMessage(), e);
  }

  /** Whether {@code type} is {@code e} or among its causes. */
  private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }
}
