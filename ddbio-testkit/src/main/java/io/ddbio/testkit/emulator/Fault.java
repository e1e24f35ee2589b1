package io.ddbio.testkit.emulator;

/** A kind of fault the emulator injects, as counted by {@link CapacityEmulator#injectedFaults}. */
public enum Fault {
  /** HTTP 500 with DynamoDB's {@code InternalServerError} body. */
  INTERNAL_SERVER_ERROR,
  /** HTTP 503 with a {@code ServiceUnavailable} body. */
  SERVICE_UNAVAILABLE,
  /** The connection is closed without an answer; the client sees an I/O error. */
  CONNECTION_RESET,
  /**
   * HTTP 400 {@code ProvisionedThroughputExceededException}, whatever the table's capacity: the
   * throttling of a busy partition, at a chosen rate. Not counted in the table's {@link
   * TableStats}.
   */
  THROTTLED,
  /** The request is held back before it is handled; may come with one of the others. */
  LATENCY
}
