package io.ddbio.metrics;

/**
 * Every counter the library and the jobs report, in one place. Hadoop shows an enum's constants as
 * a counter group (display names in {@code DdbioCounter.properties}); the core reports through a
 * {@link CounterSink} so it needs no Hadoop.
 */
public enum DdbioCounter {
  /** Items returned by Scan. */
  ITEMS_READ,
  /** Items accepted by DynamoDB in BatchWriteItem. */
  ITEMS_WRITTEN,
  /** Items deleted (incremental native exports). */
  ITEMS_DELETED,
  /** Encoded bytes of the items read (their line form). */
  BYTES_READ,
  /** Encoded bytes of the items written (their line form). */
  BYTES_WRITTEN,
  /** Lines read from data files, blank lines included. */
  LINES_READ,
  /** Scan pages received. */
  SCAN_PAGES,
  /** BatchWriteItem calls that returned. */
  BATCH_WRITES,
  /** Segments scanned to the end. */
  SEGMENTS_COMPLETED,
  /** Read capacity DynamoDB reported consumed, in thousandths of a unit. */
  READ_CAPACITY_MILLIUNITS,
  /** Write capacity DynamoDB reported consumed, in thousandths of a unit. */
  WRITE_CAPACITY_MILLIUNITS,
  /** Requests answered with a throttling error. */
  THROTTLED_REQUESTS,
  /** Requests retried after a 5xx answer or a connection fault. */
  TRANSIENT_RETRIES,
  /** Items DynamoDB returned as UnprocessedItems and that were sent again. */
  UNPROCESSED_ITEMS_RETRIED,
  /** Milliseconds spent waiting for the capacity budget. */
  BUDGET_WAIT_MILLIS,
  /** Input records set aside as bad (see dynamodb.max.bad.records). */
  BAD_RECORDS,
  /** Items left out because their time to live had expired ({@code --skip-expired}). */
  ITEMS_EXPIRED
}
