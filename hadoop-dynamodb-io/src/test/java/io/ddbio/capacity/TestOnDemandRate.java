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
  void aNewTableRunsAtWhatItTakesAtOnceWhenThePercentOfItsCeilingIsMore() {
    OnDemandRate read = OnDemandRate.of(NEW_TABLE, true, Optional.empty());
    assertEquals(OnDemandRate.DEFAULT_TABLE_LIMIT, read.ceiling());
    assertEquals(12_000, read.atOnce());
    assertEquals(12_000, read.jobRate(0.5), "0.5 of 40,000 is more than the table takes at once");
    assertEquals(24_000, read.budgetUnits(0.5), "the budget the percent is then taken of");
    String why = read.describe(0.5);
    assertTrue(why.startsWith("on demand: 12,000 read units/s; the ceiling is 40,000"), why);
    assertTrue(why.contains("the default per-table limit (DescribeLimits could not be read)"), why);
    assertTrue(why.contains("0.5 of it would be 20,000, above 12,000"), why);
    assertTrue(why.endsWith("Give --read-units to budget against another number"), why);

    OnDemandRate write = OnDemandRate.of(NEW_TABLE, false, Optional.empty());
    assertEquals(4_000, write.jobRate(1.0));
  }

  @Test
  void theAccountsLimitIsTheCeilingAndThePercentAppliesToIt() {
    OnDemandRate read = OnDemandRate.of(NEW_TABLE, true, Optional.of(10_000L));
    assertEquals(5_000, read.jobRate(0.5));
    assertEquals(10_000, read.budgetUnits(0.5));
    assertTrue(read.describe(0.5).contains("the account's per-table limit (DescribeLimits)"));
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
    assertEquals(30_000, read.jobRate(0.5));
    assertTrue(read.describe(0.5).contains("its warm throughput (WarmThroughput)"));
    assertEquals(8_000, OnDemandRate.of(warm, false, Optional.of(80_000L)).jobRate(0.1));
  }
}
