package io.ddbio.bench.e2e;

import io.ddbio.bench.corpus.RealisticItems;
import io.ddbio.testkit.KeySpec;
import io.ddbio.testkit.Tables;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The tables the harness loads and copies: keyed as the realistic items are. */
final class BenchTables {
  /** DynamoDB Local refuses more; the jobs budget against far more anyway (see BenchJobs). */
  private static final long PROVISIONED_UNITS = 40_000;

  private BenchTables() {}

  /** Creates a table for {@link RealisticItems}, with as much capacity as DynamoDB Local takes. */
  static void create(DynamoDbClient client, String table) {
    Tables.createTable(
        client,
        table,
        KeySpec.string(RealisticItems.HASH_KEY),
        KeySpec.number(RealisticItems.RANGE_KEY),
        PROVISIONED_UNITS,
        PROVISIONED_UNITS);
  }
}
