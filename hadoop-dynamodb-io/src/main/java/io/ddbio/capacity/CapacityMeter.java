package io.ddbio.capacity;

import io.ddbio.metrics.CounterSink;
import io.ddbio.metrics.DdbioCounter;
import io.ddbio.retry.Clock;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.List;
import java.util.Objects;
import java.util.function.ToDoubleFunction;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;

/**
 * The one place where a request to DynamoDB is accounted against a {@link CapacityBudget}: before
 * it is sent the meter waits until the budget can pay for it and takes its estimated cost; once
 * DynamoDB answers it settles the budget with the capacity the answer reports consumed, and counts
 * both the wait and the capacity. A scan page and a batch write are accounted the same way, so the
 * rule of {@link CapacityBudget} (take as sent, settle when known) lives here and nowhere else.
 *
 * <p>Thread-safe as far as its counter sink is; the budget may be shared by meters of several
 * threads.
 */
public final class CapacityMeter {

  /** One request to DynamoDB, sent when the meter has taken its cost. */
  @FunctionalInterface
  public interface Request<R> {
    R send() throws IOException;
  }

  /**
   * A request's answer and the capacity DynamoDB reported it consumed.
   *
   * @param response what DynamoDB answered
   * @param consumedUnits the capacity units the answer reported; zero when it reported none
   */
  public record Metered<R>(R response, double consumedUnits) {}

  private final CapacityBudget budget;
  private final CounterSink counters;
  private final Clock clock;
  private final DdbioCounter consumedCounter;

  /**
   * @param budget what the requests are paid from
   * @param counters where the wait ({@link DdbioCounter#BUDGET_WAIT_MILLIS}) and the capacity go
   * @param clock measures the wait
   * @param consumedCounter the counter of the capacity consumed, read or write
   */
  public CapacityMeter(
      CapacityBudget budget, CounterSink counters, Clock clock, DdbioCounter consumedCounter) {
    this.budget = Objects.requireNonNull(budget, "budget");
    this.counters = Objects.requireNonNull(counters, "counters");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.consumedCounter = Objects.requireNonNull(consumedCounter, "consumedCounter");
  }

  /**
   * Waits until the budget is out of debt and holds {@code wantedUnits} (or all it can hold), and
   * counts the wait.
   *
   * @return the balance, what a request may be sized to
   * @throws InterruptedIOException if interrupted while waiting; the interrupt flag is set
   */
  public double await(double wantedUnits) throws InterruptedIOException {
    long start = clock.nanoTime();
    double balance = budget.acquire(wantedUnits);
    counters.add(DdbioCounter.BUDGET_WAIT_MILLIS, (clock.nanoTime() - start) / 1_000_000);
    return balance;
  }

  /**
   * Takes {@code estimatedUnits} from the budget, sends the request, then settles the budget with
   * what the answer reports consumed and counts it. A request that fails keeps its estimate taken:
   * it may have been charged by DynamoDB all the same. Retries: none here; {@code request} does
   * what retrying it needs.
   *
   * @param consumedOf reads the consumed capacity from the answer, e.g. with {@link #units}
   */
  public <R> Metered<R> send(
      double estimatedUnits, Request<R> request, ToDoubleFunction<R> consumedOf)
      throws IOException {
    budget.take(estimatedUnits);
    R response = request.send();
    double consumed = consumedOf.applyAsDouble(response);
    budget.settle(estimatedUnits, consumed);
    counters.addCapacity(consumedCounter, consumed);
    return new Metered<>(response, consumed);
  }

  /** The units one {@code ConsumedCapacity} reports; zero when DynamoDB reported none. */
  public static double units(ConsumedCapacity consumed) {
    return consumed == null || consumed.capacityUnits() == null ? 0 : consumed.capacityUnits();
  }

  /** The units a list of {@code ConsumedCapacity} (one per table of a batch) reports in all. */
  public static double units(List<ConsumedCapacity> consumed) {
    double total = 0;
    for (ConsumedCapacity c : consumed) {
      total += units(c);
    }
    return total;
  }

  /**
   * The estimated cost of the part of a request sent again: {@code part} of its {@code whole}
   * requests, at the same cost each as the estimate of the whole.
   */
  public static double share(double estimatedUnits, int part, int whole) {
    return estimatedUnits * part / whole;
  }
}
