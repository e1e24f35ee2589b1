package io.ddbio.dynamodb;

import io.ddbio.retry.DynamoDBIOException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ListTagsOfResourceResponse;
import software.amazon.awssdk.services.dynamodb.model.Tag;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/**
 * What DescribeTable does not tell of a table and a backup records so that a restore can set it
 * again: its time to live (DescribeTimeToLive) and its tags (ListTagsOfResource). Each is asked
 * apart, and a caller may not be allowed to ask ({@code dynamodb:DescribeTimeToLive}, {@code
 * dynamodb:ListTagsOfResource}): a refusal ({@link DynamoDBIOException#refusedByService}) leaves
 * that setting unread, with a warning, rather than failing a backup over what is not an item; any
 * other failure (throttling beyond the retries' patience, say) fails it.
 *
 * @param timeToLive the time to live, when it could be read
 * @param tags the tags, when they could be read; empty when the table has none
 */
public record TableSettings(Optional<TimeToLiveDescription> timeToLive, Optional<List<Tag>> tags) {

  /**
   * Reads the settings of {@code table}. Retries: throttling and transient faults, through {@code
   * session}'s retrier; a request DynamoDB refuses is not retried.
   *
   * @param warnings told of each setting that could not be read, and why
   * @throws IOException when a request fails for another reason
   */
  public static TableSettings read(
      DynamoDBSession session, TableInfo table, Consumer<String> warnings) throws IOException {
    Optional<TimeToLiveDescription> ttl =
        refusable(
            "time to live",
            table,
            warnings,
            () ->
                session
                    .retrier()
                    .call(
                        "DescribeTimeToLive " + table.id(),
                        () ->
                            session
                                .client()
                                .describeTimeToLive(r -> r.tableName(table.id()))
                                .timeToLiveDescription()));
    Optional<List<Tag>> tags =
        refusable("tags", table, warnings, () -> tags(session, table.description().tableArn()));
    return new TableSettings(ttl, tags);
  }

  /** Whether the time to live is on, or being turned on. */
  public static boolean enabled(TimeToLiveDescription ttl) {
    return ttl.timeToLiveStatus() == TimeToLiveStatus.ENABLED
        || ttl.timeToLiveStatus() == TimeToLiveStatus.ENABLING;
  }

  /** The time-to-live attribute of the table, when its time to live is on. */
  public Optional<String> timeToLiveAttribute() {
    return timeToLive.filter(TableSettings::enabled).map(TimeToLiveDescription::attributeName);
  }

  private static List<Tag> tags(DynamoDBSession session, String arn) throws IOException {
    List<Tag> all = new ArrayList<>();
    String next = null;
    do {
      String token = next;
      ListTagsOfResourceResponse page =
          session
              .retrier()
              .call(
                  "ListTagsOfResource " + arn,
                  () ->
                      session
                          .client()
                          .listTagsOfResource(r -> r.resourceArn(arn).nextToken(token)));
      all.addAll(page.tags());
      next = page.nextToken();
    } while (next != null);
    return all;
  }

  @FunctionalInterface
  private interface Read<T> {
    T read() throws IOException;
  }

  private static <T> Optional<T> refusable(
      String what, TableInfo table, Consumer<String> warnings, Read<T> read) throws IOException {
    try {
      return Optional.ofNullable(read.read());
    } catch (DynamoDBIOException e) {
      if (e.refusedByService() && e.getCause() instanceof DynamoDbException d) {
        warnings.accept(
            "The "
                + what
                + " of table \""
                + table.name()
                + "\" could not be read ("
                + (d.awsErrorDetails() == null
                    ? d.getMessage()
                    : d.awsErrorDetails().errorCode() + ": " + d.awsErrorDetails().errorMessage())
                + "): the backup does not record them, and --create-table will not set them.");
        return Optional.empty();
      }
      throw e;
    }
  }
}
