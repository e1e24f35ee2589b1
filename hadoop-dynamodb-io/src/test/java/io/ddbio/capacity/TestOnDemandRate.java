package io.ddbio.capacity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/** An on-demand table's rate without a number, from DynamoDB's documented limits and start. */
class TestOnDemandRate {
  private static final TableDescription NEW_TABLE =
      TableDescription.builder().tableName("T").build();

  @Test
  void aNewTableGivesThePercentOfWhatItTakesAtOnce() {
    OnDemandRate read = OnDemandRate.of(NEW_TABLE, true, Optional.empty());
    assertEquals(OnDemandRate.DEFAULT_TABLE_LIMIT, read.ceiling());
    assertEquals(12_000, read.atOnce());
    assertEquals(6_000, read.jobRate(0.5), "half of it: the rest is the table's other traffic's");
    assertEquals(12_000, read.budgetUnits(), "the budget the percent is taken of");
    String why = read.describe(0.5);
    assertTrue(why.startsWith("on demand: 6,000 read units/s, 0.5 of the 12,000 it takes"), why);
    assertTrue(why.contains("what a new on-demand table takes at once"), why);
    assertTrue(why.contains("the default per-table limit (DescribeLimits could not be read)"), why);
    assertTrue(why.endsWith("Give --read-units to budget against another number"), why);

    OnDemandRate write = OnDemandRate.of(NEW_TABLE, false, Optional.empty());
    assertEquals(4_000, write.jobRate(1.0));
  }

  @Test
  void belowWhatATableTakesAtOnceTheAccountsLimitBounds() {
    OnDemandRate read = OnDemandRate.of(NEW_TABLE, true, Optional.of(10_000L));
    assertEquals(10_000, read.atOnce());
    assertEquals(5_000, read.jobRate(0.5));
    assertTrue(
        read.describe(0.5).contains("it takes at once (the account's per-table limit"),
        "the bound is named for what it is");
  }

  @Test
  void theTablesOwnMaximumWinsAndNothingAboveItIsAsked() {
    TableDescription capped =
        NEW_TABLE.toBuilder()
            .onDemandThroughput(t -> t.maxReadRequestUnits(-1L).maxWriteRequestUnits(2_000L))
            .build();
    OnDemandRate write = OnDemandRate.of(capped, false, Optional.of(40_000L));
    assertEquals(2_000, write.ceiling());
    assertEquals(2_000, write.atOnce(), "never above the ceiling");
    assertEquals(1_000, write.jobRate(0.5));
    assertTrue(write.describe(0.5).contains("(the table's own maximum (OnDemandThroughput))"));
    OnDemandRate read = OnDemandRate.of(capped, true, Optional.of(40_000L));
    assertEquals(40_000, read.ceiling(), "-1 sets no maximum");
  }

  @Test
  void aWarmTableTakesItsWarmThroughputAtOnce() {
    TableDescription warm =
        NEW_TABLE.toBuilder()
            .warmThroughput(w -> w.readUnitsPerSecond(30_000L).writeUnitsPerSecond(9_000L))
            .build();
    OnDemandRate read = OnDemandRate.of(warm, true, Optional.of(80_000L));
    assertEquals(15_000, read.jobRate(0.5));
    assertTrue(read.describe(0.5).contains("its warm throughput (WarmThroughput)"));
    assertEquals(900, OnDemandRate.of(warm, false, Optional.of(80_000L)).jobRate(0.1));
  }
}
