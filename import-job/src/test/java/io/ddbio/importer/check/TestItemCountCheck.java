package io.ddbio.importer.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class TestItemCountCheck {

  @Test
  void agreeingCountsPass() {
    assertEquals(
        Optional.empty(), new ItemCountCheck(40, 40, 0, 0, OptionalLong.empty()).problem());
    assertEquals(Optional.empty(), new ItemCountCheck(40, 40, 0, 0, OptionalLong.of(40)).problem());
  }

  @Test
  void readAndWrittenMustAgree() {
    assertEquals(
        Optional.of("Items read (40) and items written (39) differ; the table may be incomplete"),
        new ItemCountCheck(40, 39, 0, 0, OptionalLong.of(40)).problem());
  }

  @Test
  void readMustMatchWhatTheExportRecorded() {
    assertEquals(
        Optional.of("ddbio-export.json records 41 items, but 40 were read from the data files"),
        new ItemCountCheck(40, 40, 0, 0, OptionalLong.of(41)).problem());
  }

  @Test
  void recordsSetAsideCountTowardsWhatTheExportRecorded() {
    assertEquals(Optional.empty(), new ItemCountCheck(38, 38, 2, 0, OptionalLong.of(40)).problem());
    assertEquals(
        Optional.of(
            "ddbio-export.json records 41 items, but 38 were read from the data files and 2 set"
                + " aside as bad records"),
        new ItemCountCheck(38, 38, 2, 0, OptionalLong.of(41)).problem());
  }

  @Test
  void itemsLeftOutAsExpiredCountTowardsWhatTheExportRecorded() {
    assertEquals(Optional.empty(), new ItemCountCheck(30, 30, 2, 8, OptionalLong.of(40)).problem());
    assertEquals(
        Optional.of(
            "ddbio-export.json records 41 items, but 30 were read from the data files and 2 set"
                + " aside as bad records and 8 left out as expired"),
        new ItemCountCheck(30, 30, 2, 8, OptionalLong.of(41)).problem());
  }
}
