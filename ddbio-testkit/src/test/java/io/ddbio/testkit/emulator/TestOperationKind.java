package io.ddbio.testkit.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Which operations are metered, and how. */
class TestOperationKind {
  @Test
  void classifiesByTheTargetHeader() {
    assertEquals(OperationKind.READ, OperationKind.ofTarget("DynamoDB_20120810.Scan"));
    assertEquals(OperationKind.READ, OperationKind.ofTarget("DynamoDB_20120810.Query"));
    assertEquals(OperationKind.READ, OperationKind.ofTarget("DynamoDB_20120810.GetItem"));
    assertEquals(OperationKind.WRITE, OperationKind.ofTarget("DynamoDB_20120810.PutItem"));
    assertEquals(OperationKind.WRITE, OperationKind.ofTarget("DynamoDB_20120810.UpdateItem"));
    assertEquals(OperationKind.WRITE, OperationKind.ofTarget("DynamoDB_20120810.DeleteItem"));
    assertEquals(
        OperationKind.BATCH_READ, OperationKind.ofTarget("DynamoDB_20120810.BatchGetItem"));
    assertEquals(
        OperationKind.BATCH_WRITE, OperationKind.ofTarget("DynamoDB_20120810.BatchWriteItem"));
  }

  @Test
  void leavesEverythingElseUnmetered() {
    assertEquals(OperationKind.UNMETERED, OperationKind.ofTarget("DynamoDB_20120810.CreateTable"));
    assertEquals(
        OperationKind.UNMETERED, OperationKind.ofTarget("DynamoDB_20120810.TransactWriteItems"));
    assertEquals(OperationKind.UNMETERED, OperationKind.ofTarget("DynamoDB_20111205.Scan"));
    assertEquals(OperationKind.UNMETERED, OperationKind.ofTarget(null));
  }
}
