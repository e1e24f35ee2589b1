package io.ddbio.retry;

/** What a failed call to DynamoDB means for retrying it, as decided by a {@link RetryPolicy}. */
public enum FailureKind {
  /**
   * DynamoDB refused the request for lack of capacity. Expected on a busy table: wait with growing
   * delays, patiently but within a time limit.
   */
  THROTTLED,
  /**
   * The service or the network failed in a way that usually passes (5xx, connection reset,
   * timeout). Retry a bounded number of times.
   */
  TRANSIENT,
  /**
   * Retrying cannot help (missing table, invalid request, bad credentials, a bug): fail at once
   * with the cause.
   */
  FATAL
}
