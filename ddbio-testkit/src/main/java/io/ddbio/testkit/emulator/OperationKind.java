package io.ddbio.testkit.emulator;

/** How an operation, named by its {@code X-Amz-Target} header, is metered. */
enum OperationKind {
  /** GetItem, Query, Scan: one table's reads. */
  READ,
  /** PutItem, UpdateItem, DeleteItem: one table's writes. */
  WRITE,
  /** BatchGetItem: reads of several tables. */
  BATCH_READ,
  /** BatchWriteItem: writes to several tables, which may be partly left unprocessed. */
  BATCH_WRITE,
  /** Anything else (table management, transactions, PartiQL): forwarded as it is, not charged. */
  UNMETERED;

  private static final String TARGET_PREFIX = "DynamoDB_20120810.";

  /** The kind of the operation named by the header, {@link #UNMETERED} if there is none. */
  static OperationKind ofTarget(String target) {
    if (target == null || !target.startsWith(TARGET_PREFIX)) {
      return UNMETERED;
    }
    return switch (target.substring(TARGET_PREFIX.length())) {
      case "GetItem", "Query", "Scan" -> READ;
      case "PutItem", "UpdateItem", "DeleteItem" -> WRITE;
      case "BatchGetItem" -> BATCH_READ;
      case "BatchWriteItem" -> BATCH_WRITE;
      default -> UNMETERED;
    };
  }
}
