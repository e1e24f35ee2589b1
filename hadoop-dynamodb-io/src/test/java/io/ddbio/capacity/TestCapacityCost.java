package io.ddbio.capacity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The unit sizes of DynamoDB's documentation: a read unit per 4 KB, a write unit per 1 KB. */
class TestCapacityCost {
  @Test
  void aScanIsChargedItsBytesAtHalfAUnitA4KbUnlessConsistent() {
    assertEquals(1.0, CapacityCost.scanUnits(8192, false));
    assertEquals(2.0, CapacityCost.scanUnits(8192, true));
    assertEquals(0.0, CapacityCost.scanUnits(0, true));
  }

  @Test
  void aPutIsChargedAUnitForEachKilobyteBegun() {
    assertEquals(1, CapacityCost.putUnits(1));
    assertEquals(1, CapacityCost.putUnits(1024));
    assertEquals(2, CapacityCost.putUnits(1025));
    assertEquals(400, CapacityCost.putUnits(400 * 1024));
    assertEquals(1, CapacityCost.putUnits(0), "even an empty put costs a unit");
  }
}
