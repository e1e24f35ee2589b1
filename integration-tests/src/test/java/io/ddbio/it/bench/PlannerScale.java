package io.ddbio.it.bench;

import io.ddbio.config.ScanOptions;
import io.ddbio.config.ThroughputOptions;
import io.ddbio.dynamodb.TableInfo;
import io.ddbio.mapreduce.DynamoDBSplit;
import io.ddbio.scan.ScanPlanner;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import org.apache.hadoop.io.DataOutputBuffer;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.BillingModeSummary;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputDescription;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * The export's planner at scale, from synthetic DescribeTable answers: what it chooses for tables
 * up to 50 TB and 100 billion items at a given capacity and cluster, what its splits weigh in the
 * job client, and how long the scan then takes at the planned rate (eventually consistent reads:
 * one read unit is 8 KB a second).
 */
final class PlannerScale {
  private static final double BYTES_PER_READ_UNIT = 8 * 1024;

  private PlannerScale() {}

  /**
   * @param bytes the table's size
   * @param items its items
   * @param provisioned its read units, 0 for on demand
   * @param explicitUnits the --read-units given, 0 for none
   * @param percent the read ratio
   * @param slots the cluster's map slots
   */
  record Scenario(
      long bytes, long items, long provisioned, long explicitUnits, double percent, int slots) {}

  static final List<Scenario> SCENARIOS =
      List.of(
          new Scenario(500_000_000_000L, 1_000_000_000L, 40_000, 0, 0.5, 100),
          new Scenario(5_000_000_000_000L, 10_000_000_000L, 40_000, 0, 0.5, 100),
          new Scenario(50_000_000_000_000L, 100_000_000_000L, 40_000, 0, 0.5, 100),
          new Scenario(50_000_000_000_000L, 100_000_000_000L, 40_000, 0, 1.0, 400),
          new Scenario(50_000_000_000_000L, 100_000_000_000L, 0, 200_000, 1.0, 1000));

  /** Plans each scenario and writes the table to {@code work/scale-planner.tsv}. */
  static void write(Path work) throws IOException {
    BenchTable rows =
        new BenchTable(
            "table TB\titems\tread units\tratio\tslots\tsegments\tsplits\tsegments/split"
                + "\tGB/split\tunits/s/task\thours/task\tscan hours\tplan ms\tsplits KB");
    for (Scenario s : SCENARIOS) {
      rows.add(row(s));
    }
    rows.write(work, "scale-planner.tsv");
  }

  private static String row(Scenario s) throws IOException {
    TableInfo table = TableInfo.of(describe(s));
    ThroughputOptions throughput =
        new ThroughputOptions(
            s.percent(),
            s.explicitUnits() > 0 ? Optional.of((double) s.explicitUnits()) : Optional.empty(),
            OptionalInt.empty());
    ScanOptions options =
        new ScanOptions("Scale", OptionalInt.empty(), 1000, 1000, false, throughput);
    long start = System.nanoTime();
    List<ScanPlanner.SplitPlan> plan = ScanPlanner.plan(table, options, s.slots());
    long planNanos = System.nanoTime() - start;
    DataOutputBuffer serialized = new DataOutputBuffer();
    for (ScanPlanner.SplitPlan p : plan) {
      new DynamoDBSplit(p).write(serialized);
    }
    ScanPlanner.SplitPlan first = plan.get(0);
    double taskSeconds =
        first.estimatedBytes() / (first.readUnitsPerSecond() * BYTES_PER_READ_UNIT);
    double jobRate = first.tableReadUnits() * s.percent();
    double scanSeconds = s.bytes() / (jobRate * BYTES_PER_READ_UNIT);
    return String.format(
        Locale.ROOT,
        "%.1f\t%d\t%s\t%.2f\t%d\t%d\t%d\t%d\t%.1f\t%.0f\t%.1f\t%.1f\t%.2f\t%.1f",
        s.bytes() / 1e12,
        s.items(),
        s.provisioned() > 0 ? s.provisioned() + " provisioned" : s.explicitUnits() + " given",
        s.percent(),
        s.slots(),
        first.totalSegments(),
        plan.size(),
        first.segmentCount(),
        first.estimatedBytes() / 1e9,
        first.readUnitsPerSecond(),
        taskSeconds / 3600,
        scanSeconds / 3600,
        planNanos / 1e6,
        serialized.getLength() / 1024.0);
  }

  private static TableDescription describe(Scenario s) {
    TableDescription.Builder d =
        TableDescription.builder()
            .tableName("Scale")
            .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build())
            .attributeDefinitions(
                AttributeDefinition.builder()
                    .attributeName("pk")
                    .attributeType(ScalarAttributeType.S)
                    .build())
            .itemCount(s.items())
            .tableSizeBytes(s.bytes());
    if (s.provisioned() > 0) {
      d.provisionedThroughput(
          ProvisionedThroughputDescription.builder()
              .readCapacityUnits(s.provisioned())
              .writeCapacityUnits(s.provisioned())
              .build());
    } else {
      d.billingModeSummary(
          BillingModeSummary.builder().billingMode(BillingMode.PAY_PER_REQUEST).build());
    }
    return d.build();
  }
}
