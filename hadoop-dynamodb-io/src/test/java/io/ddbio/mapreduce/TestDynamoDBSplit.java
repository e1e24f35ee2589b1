package io.ddbio.mapreduce;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbio.scan.ScanPlanner;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.io.Writable;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class TestDynamoDBSplit {

  @Test
  void splitSurvivesSerialisation() throws IOException {
    DynamoDBSplit split =
        new DynamoDBSplit(new ScanPlanner.SplitPlan(12, 5, 40, 37.5, 1000, 812.25, 123_456_789L));
    DynamoDBSplit copy = roundTrip(split, new DynamoDBSplit());
    assertEquals(split, copy);
    assertEquals(12, copy.firstSegment());
    assertEquals(5, copy.segmentCount());
    assertEquals(40, copy.totalSegments());
    assertEquals(37.5, copy.readUnitsPerSecond());
    assertEquals(1000, copy.tableReadUnits());
    assertEquals(812.25, copy.averageItemBytes());
    assertEquals(123_456_789L, copy.getLength());
    assertArrayEquals(new String[0], copy.getLocations());
  }

  @Test
  void splitRejectsSegmentsOutsideTheScan() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new DynamoDBSplit(new ScanPlanner.SplitPlan(38, 5, 40, 1, 1, 1, 1)));
    assertThrows(
        IllegalArgumentException.class,
        () -> new DynamoDBSplit(new ScanPlanner.SplitPlan(0, 0, 40, 1, 1, 1, 1)));
  }

  @Test
  void itemSurvivesSerialisation() throws IOException {
    Map<String, AttributeValue> item = new LinkedHashMap<>();
    item.put("pk", AttributeValue.fromS("user#1"));
    item.put("n", AttributeValue.fromN("12345678901234567890123456789012345678"));
    item.put("b", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {0, (byte) 255})));
    item.put("l", AttributeValue.fromL(List.of()));
    item.put("m", AttributeValue.fromM(Map.of()));
    DynamoDBItemWritable copy =
        roundTrip(new DynamoDBItemWritable(item), new DynamoDBItemWritable());
    assertEquals(item, copy.get());

    DynamoDBItemWritable delete = new DynamoDBItemWritable();
    delete.setDelete(Map.of("pk", AttributeValue.fromS("gone")));
    DynamoDBItemWritable deleteCopy = roundTrip(delete, new DynamoDBItemWritable());
    assertEquals(delete, deleteCopy);
    assertTrue(deleteCopy.isDelete());
  }

  private static <T extends Writable> T roundTrip(Writable in, T out) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream data = new DataOutputStream(bytes)) {
      in.write(data);
    }
    out.readFields(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
    return out;
  }
}
