package io.ddbio.testkit.emulator;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * Changes a table's capacity the way UpdateTable (or auto scaling) does on the real service, in
 * both places that must agree: DynamoDB Local's description, which jobs read with DescribeTable,
 * and the emulator's buckets, which enforce it from now on.
 */
public final class TableCapacity {
  private TableCapacity() {}

  /**
   * Provisions {@code table}, which must exist in DynamoDB Local; an on-demand table becomes
   * provisioned.
   *
   * @param readUnits read capacity units per second, at least 1
   * @param writeUnits write capacity units per second, at least 1
   */
  public static void provision(
      EmulatedDynamoDb dynamoDb, String table, long readUnits, long writeUnits) {
    try (DynamoDbClient direct = dynamoDb.local().newClient()) {
      TableDescription now = direct.describeTable(b -> b.tableName(table)).table();
      boolean onDemand = isOnDemand(now);
      // DynamoDB refuses an UpdateTable that changes nothing.
      if (onDemand
          || now.provisionedThroughput().readCapacityUnits() != readUnits
          || now.provisionedThroughput().writeCapacityUnits() != writeUnits) {
        direct.updateTable(
            b -> {
              b.tableName(table)
                  .provisionedThroughput(
                      t -> t.readCapacityUnits(readUnits).writeCapacityUnits(writeUnits));
              if (onDemand) {
                b.billingMode(BillingMode.PROVISIONED);
              }
            });
      }
    }
    dynamoDb.emulator().setCapacity(table, readUnits, writeUnits);
  }

  /**
   * Makes {@code table}, which must exist in DynamoDB Local, on demand: its description says
   * PAY_PER_REQUEST and the emulator no longer limits it.
   */
  public static void onDemand(EmulatedDynamoDb dynamoDb, String table) {
    try (DynamoDbClient direct = dynamoDb.local().newClient()) {
      if (!isOnDemand(direct.describeTable(b -> b.tableName(table)).table())) {
        direct.updateTable(b -> b.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST));
      }
    }
    dynamoDb.emulator().removeCapacity(table);
  }

  private static boolean isOnDemand(TableDescription table) {
    return table.billingModeSummary() != null
        && table.billingModeSummary().billingMode() == BillingMode.PAY_PER_REQUEST;
  }
}
