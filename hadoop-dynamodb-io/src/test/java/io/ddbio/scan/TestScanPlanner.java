package io.ddbio.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbio.config.ScanOptions;
import io.ddbio.config.ThroughputOptions;
import io.ddbio.dynamodb.TableInfo;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputDescription;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

class TestScanPlanner {
  private static final TableInfo TABLE =
      TableInfo.of(
          TableDescription.builder()
              .tableName("Orders")
              .keySchema(
                  KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build())
              .attributeDefinitions(
                  AttributeDefinition.builder()
                      .attributeName("pk")
                      .attributeType(ScalarAttributeType.S)
                      .build())
              .provisionedThroughput(
                  ProvisionedThroughputDescription.builder()
                      .readCapacityUnits(1_000L)
                      .writeCapacityUnits(10L)
                      .build())
              .tableSizeBytes(16_000_000L)
              .itemCount(16_000L)
              .build());

  private static ScanOptions segments(OptionalInt total) {
    return new ScanOptions(
        "Orders",
        total,
        16,
        1000,
        false,
        new ThroughputOptions(0.5, Optional.empty(), OptionalInt.empty()));
  }

  @Test
  void aResumedPlanReadsOnlyTheSegmentsLeftAndSharesTheRateAmongTheirTasks() {
    List<ScanPlanner.SplitPlan> whole = ScanPlanner.plan(TABLE, segments(OptionalInt.of(16)), 4);
    assertEquals(16, whole.size());
    assertEquals(125.0, whole.get(0).readUnitsPerSecond(), 1e-9, "500 units over 4 slots");

    List<ScanPlanner.SplitPlan> resumed =
        ScanPlanner.plan(TABLE, segments(OptionalInt.of(16)), 4, SegmentSet.parse("0-13"));
    assertEquals(2, resumed.size());
    assertEquals(14, resumed.get(0).firstSegment());
    assertEquals(15, resumed.get(1).firstSegment());
    for (ScanPlanner.SplitPlan p : resumed) {
      assertEquals(16, p.totalSegments(), "the segments of the scan being resumed");
      assertEquals(250.0, p.readUnitsPerSecond(), 1e-9, "two tasks left share the job's 500");
      assertEquals(1_000_000L, p.estimatedBytes());
    }
  }

  @Test
  void aResumedPlanNeedsTheTotalOfTheScanItResumes() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> ScanPlanner.plan(TABLE, segments(OptionalInt.empty()), 4, SegmentSet.parse("0")));
    assertTrue(e.getMessage().contains("dynamodb.scan.segments"), e.getMessage());
  }

  @Test
  void aPlanWithEverySegmentDoneIsEmpty() {
    assertEquals(
        List.of(),
        ScanPlanner.plan(TABLE, segments(OptionalInt.of(4)), 4, SegmentSet.parse("0-3")));
  }
}
