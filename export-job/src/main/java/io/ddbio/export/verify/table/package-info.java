/**
 * Verify's comparison of a backup with its table: the exact item count by a parallel {@code
 * Select=COUNT} scan and, with {@code --items}, every item compared by DynamoDB's notion of equal.
 * Uses the library's scanner and {@code verify.backup}'s items.
 */
package io.ddbio.export.verify.table;
