package io.ddbio.tool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalDouble;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TestRunPlan {
  private static RunPlan plan(RunPlan.Work work, boolean onDemand, OptionalDouble price) {
    return new RunPlan(
        "Export of table \"T\" to out",
        "about 1,000 items",
        "4 segments in 4 splits",
        new RunPlan.Rate("read", 50, "0.5 of 100"),
        work,
        onDemand,
        price);
  }

  @Test
  void theDurationIsTheCapacityAtTheRate() {
    RunPlan p = plan(RunPlan.Work.about(9_000, "9 units"), false, OptionalDouble.empty());
    assertEquals(180, p.seconds().getAsDouble(), 1e-9);
    String text = p.render();
    assertTrue(text.startsWith("Plan: Export of table \"T\" to out (no item read or written)\n"));
    assertTrue(text.contains("  rate:      50.0 read units/s: 0.5 of 100\n"), text);
    assertTrue(text.contains("  capacity:  about 9,000 read capacity units (9 units)\n"), text);
    assertTrue(text.contains("  duration:  about 3 min at that rate"), text);
    assertTrue(text.contains("  billed:    the table's provisioned capacity, by the hour"), text);
  }

  @Test
  void onDemandBillsRequestUnitsAndPricesThemOnlyWhenAPriceIsGiven() {
    RunPlan.Work work = RunPlan.Work.about(8_000_000, "8 million");
    String unpriced = plan(work, true, OptionalDouble.empty()).render();
    assertTrue(
        unpriced.contains("  billed:    about 8,000,000 read request units, on demand\n"),
        unpriced);
    String priced = plan(work, true, OptionalDouble.of(0.25)).render();
    assertTrue(priced.contains("on demand; at 0.25 a million: about 2.00\n"), priced);
    String tiny = plan(RunPlan.Work.about(10, "10"), true, OptionalDouble.of(0.25)).render();
    assertTrue(tiny.contains("at 0.25 a million: less than 0.01\n"), tiny);
  }

  @Test
  void aLowerBoundSaysSoAndUnknownWorkHasNoDuration() {
    String atLeast =
        plan(RunPlan.Work.atLeast(500, "one a put"), true, OptionalDouble.of(1)).render();
    assertTrue(atLeast.contains("capacity:  at least 500 read request units (one a put)"), atLeast);
    assertTrue(atLeast.contains("duration:  at least 10 s at that rate"), atLeast);
    assertTrue(atLeast.contains("at 1 a million: at least 0.00"), atLeast);

    RunPlan unknown = plan(RunPlan.Work.unknown("no sizes"), true, OptionalDouble.empty());
    assertTrue(unknown.seconds().isEmpty());
    String text = unknown.render();
    assertTrue(text.contains("capacity:  unknown: no sizes"), text);
    assertTrue(text.contains("duration:  unknown"), text);
    assertTrue(text.contains("how many cannot be told"), text);
  }

  @Test
  void sizesInBinaryUnits() {
    assertEquals("512 B", RunPlan.bytes(512));
    assertEquals("1.0 KB", RunPlan.bytes(1024));
    assertEquals("2.3 GB", RunPlan.bytes(2_469_606_195L));
    assertEquals("977 KB", RunPlan.bytes(1_000_000));
  }

  @Test
  void thePriceNeedsThePlanAndAPositiveNumber() {
    Set<String> valued = PlanRequest.valuedAnd("read-ratio");
    Set<String> flags = PlanRequest.flagsAnd("resume");
    assertEquals(Set.of("read-ratio", "price-per-million"), valued);
    assertEquals(Set.of("resume", "plan"), flags);

    PlanRequest none = PlanRequest.from(Arguments.parse(new String[] {"x"}, valued, flags));
    assertEquals(PlanRequest.NONE, none);
    PlanRequest priced =
        PlanRequest.from(
            Arguments.parse(new String[] {"--plan", "--price-per-million", "1.25"}, valued, flags));
    assertTrue(priced.requested());
    assertEquals(1.25, priced.pricePerMillion().getAsDouble());
    assertFalse(
        PlanRequest.from(Arguments.parse(new String[] {"--plan"}, valued, flags))
            .pricePerMillion()
            .isPresent());

    String withoutPlan =
        assertThrows(
                UsageException.class,
                () ->
                    PlanRequest.from(
                        Arguments.parse(new String[] {"--price-per-million", "1"}, valued, flags)))
            .getMessage();
    assertTrue(withoutPlan.contains("--price-per-million is for --plan"), withoutPlan);
    String negative =
        assertThrows(
                UsageException.class,
                () ->
                    PlanRequest.from(
                        Arguments.parse(
                            new String[] {"--plan", "--price-per-million", "-1"}, valued, flags)))
            .getMessage();
    assertTrue(negative.contains("must be a positive number"), negative);
  }
}
