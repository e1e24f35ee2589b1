package io.ddbio.capacity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TestCapacityShare {

  private static final String READ_KEY = "dynamodb.throughput.read";

  @Test
  void splitsTheJobsShareEvenlyAcrossConcurrentTasks() {
    assertEquals(50, CapacityShare.perTaskRate(1_000, 0.5, 10), 1e-9);
    assertEquals(1_000, CapacityShare.perTaskRate(1_000, 1.0, 1), 1e-9);
    assertEquals(1_500, CapacityShare.perTaskRate(1_000, 1.5, 1), 1e-9);
  }

  @Test
  void neverGoesBelowOneUnitPerSecond() {
    assertEquals(1.0, CapacityShare.perTaskRate(5, 0.5, 100), 1e-9);
  }

  @Test
  void rejectsPercentOutOfRange() {
    assertThrows(IllegalArgumentException.class, () -> CapacityShare.perTaskRate(100, 0, 1));
    assertThrows(IllegalArgumentException.class, () -> CapacityShare.perTaskRate(100, -0.5, 1));
    assertThrows(IllegalArgumentException.class, () -> CapacityShare.perTaskRate(100, 1.51, 1));
    assertThrows(
        IllegalArgumentException.class, () -> CapacityShare.perTaskRate(100, Double.NaN, 1));
  }

  @Test
  void rejectsBadTableRateOrConcurrency() {
    assertThrows(IllegalArgumentException.class, () -> CapacityShare.perTaskRate(0, 0.5, 1));
    assertThrows(
        IllegalArgumentException.class,
        () -> CapacityShare.perTaskRate(Double.POSITIVE_INFINITY, 0.5, 1));
    assertThrows(IllegalArgumentException.class, () -> CapacityShare.perTaskRate(100, 0.5, 0));
  }

  @Test
  void provisionedTableUsesItsProvisionedUnits() {
    assertEquals(400, CapacityShare.tableRate("T", 400L, null, READ_KEY), 1e-9);
  }

  @Test
  void explicitBudgetWins() {
    assertEquals(250, CapacityShare.tableRate("T", 400L, 250.0, READ_KEY), 1e-9);
    assertEquals(3_000, CapacityShare.tableRate("T", 0L, 3_000.0, READ_KEY), 1e-9);
    assertEquals(3_000, CapacityShare.tableRate("T", null, 3_000.0, READ_KEY), 1e-9);
  }

  @Test
  void onDemandTableWithoutBudgetTellsWhichKeyToSet() {
    for (Long onDemand : new Long[] {null, 0L}) {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () -> CapacityShare.tableRate("Orders", onDemand, null, "dynamodb.throughput.write"));
      assertTrue(e.getMessage().contains("\"Orders\""), e.getMessage());
      assertTrue(e.getMessage().contains("on demand"), e.getMessage());
      assertTrue(e.getMessage().contains("set dynamodb.throughput.write"), e.getMessage());
    }
  }

  @Test
  void rejectsNonPositiveBudgetNamingTheKey() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> CapacityShare.tableRate("T", 400L, 0.0, READ_KEY));
    assertTrue(e.getMessage().startsWith(READ_KEY + " must be a positive number"), e.getMessage());
    assertThrows(
        IllegalArgumentException.class, () -> CapacityShare.tableRate("T", -1L, null, READ_KEY));
  }
}
