package io.ddbio.capacity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ddbio.metrics.DdbioCounter;
import io.ddbio.testing.FakeTime;
import io.ddbio.testing.RecordingCounters;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;

class TestCapacityMeter {

  private final FakeTime time = new FakeTime();
  private final RecordingCounters counters = new RecordingCounters();
  private final CapacityBudget budget = new CapacityBudget(10, Duration.ofSeconds(1), time, time);
  private final CapacityMeter meter =
      new CapacityMeter(budget, counters, time, DdbioCounter.READ_CAPACITY_MILLIUNITS);

  @Test
  void theEstimateIsTakenWhileTheRequestIsInFlightAndSettledAfter() throws IOException {
    String answer = "page";
    double[] balanceInFlight = new double[1];
    CapacityMeter.Metered<String> sent =
        meter.send(
            4,
            () -> {
              balanceInFlight[0] = budget.acquire(0);
              return answer;
            },
            response -> 7);
    assertEquals(6, balanceInFlight[0], 1e-9, "10 held, the estimate of 4 taken");
    assertSame(answer, sent.response());
    assertEquals(7, sent.consumedUnits(), 1e-9);
    assertEquals(3, budget.acquire(0), 1e-9, "settled: 10 - 7");
    assertEquals(7000, counters.get(DdbioCounter.READ_CAPACITY_MILLIUNITS));
  }

  @Test
  void aFailedRequestKeepsItsEstimateTakenAndCountsNothing() throws IOException {
    assertThrows(
        IOException.class,
        () ->
            meter.send(
                4,
                () -> {
                  throw new IOException("refused");
                },
                response -> 1));
    assertEquals(6, budget.acquire(0), 1e-9);
    assertEquals(0, counters.get(DdbioCounter.READ_CAPACITY_MILLIUNITS));
  }

  @Test
  void theWaitForTheBudgetIsCounted() throws IOException {
    budget.charge(15); // 5 in debt: 0.5 s to refill to zero, 1 s to hold 5
    assertEquals(5, meter.await(5), 1e-9);
    assertEquals(1000, counters.get(DdbioCounter.BUDGET_WAIT_MILLIS));
  }

  @Test
  void unitsReadWhatDynamoDbReportedAndZeroForWhatItDidNot() {
    assertEquals(2.5, CapacityMeter.units(ConsumedCapacity.builder().capacityUnits(2.5).build()));
    assertEquals(0, CapacityMeter.units(ConsumedCapacity.builder().build()));
    assertEquals(0, CapacityMeter.units((ConsumedCapacity) null));
    List<ConsumedCapacity> batch =
        Arrays.asList(
            ConsumedCapacity.builder().capacityUnits(1.0).build(),
            ConsumedCapacity.builder().build(),
            ConsumedCapacity.builder().capacityUnits(2.0).build());
    assertEquals(3, CapacityMeter.units(batch));
    assertEquals(0, CapacityMeter.units(List.of()));
  }

  @Test
  void whatIsSentAgainIsEstimatedAtItsShareOfTheWhole() {
    assertEquals(7.5, CapacityMeter.share(30, 5, 20), 1e-9);
    assertEquals(30, CapacityMeter.share(30, 20, 20), 1e-9);
  }
}
