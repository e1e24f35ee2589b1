package io.ddbio.testkit.emulator;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * What faults the emulator injects and how often: each request draws at most one of HTTP 500, HTTP
 * 503, a dropped connection and a throttling error, and independently whether it is delayed. Draws
 * come from a {@link java.util.Random} seeded with {@link #seed()}, so a single-threaded client
 * sees the same sequence of faults on every run.
 *
 * <p>Start from {@link #none()} and add what you need:
 *
 * <pre>{@code
 * FaultPlan.none().withInternalServerErrors(0.01).withLatency(0.1, Duration.ofMillis(50),
 *     Duration.ofMillis(100)).withSeed(7)
 * }</pre>
 *
 * @param internalServerErrorRate probability of answering HTTP 500 {@code InternalServerError}
 * @param serviceUnavailableRate probability of answering HTTP 503 {@code ServiceUnavailable}
 * @param connectionResetRate probability of closing the connection without an answer
 * @param throttleRate probability of answering {@code ProvisionedThroughputExceededException}
 * @param latencyRate probability of delaying the request
 * @param latency the fixed part of a delay
 * @param latencyJitter the most added at random (uniformly) to the fixed part of a delay
 * @param seed the seed of the draws
 */
public record FaultPlan(
    double internalServerErrorRate,
    double serviceUnavailableRate,
    double connectionResetRate,
    double throttleRate,
    double latencyRate,
    Duration latency,
    Duration latencyJitter,
    long seed) {
  private static final FaultPlan NONE =
      new FaultPlan(0, 0, 0, 0, 0, Duration.ZERO, Duration.ZERO, 0);

  /**
   * Checks the rates are probabilities whose error part adds up to at most 1, and the durations are
   * not negative.
   */
  public FaultPlan {
    checkRate("internalServerErrorRate", internalServerErrorRate);
    checkRate("serviceUnavailableRate", serviceUnavailableRate);
    checkRate("connectionResetRate", connectionResetRate);
    checkRate("throttleRate", throttleRate);
    checkRate("latencyRate", latencyRate);
    double errors =
        internalServerErrorRate + serviceUnavailableRate + connectionResetRate + throttleRate;
    if (errors > 1 + 1e-12) {
      throw new IllegalArgumentException(
          "The rates of HTTP 500, HTTP 503, connection resets and throttling add up to "
              + errors
              + "; a request gets at most one of them, so they must add up to 1 or less");
    }
    checkDuration("latency", latency);
    checkDuration("latencyJitter", latencyJitter);
  }

  private static void checkRate(String name, double rate) {
    if (!(rate >= 0 && rate <= 1)) {
      throw new IllegalArgumentException(name + " must be a probability in [0, 1], not " + rate);
    }
  }

  private static void checkDuration(String name, Duration duration) {
    Objects.requireNonNull(duration, name);
    if (duration.isNegative()) {
      throw new IllegalArgumentException(name + " must not be negative, not " + duration);
    }
  }

  /** No faults at all: every request is forwarded at once. */
  public static FaultPlan none() {
    return NONE;
  }

  /**
   * A table having a bad day, the mix the jobs' fault tests run under: 20% of requests throttled,
   * 1% answered HTTP 500, 1% HTTP 503, and 1% of connections reset.
   *
   * @param seed the dice's seed, so that a test meets the same faults on every run
   */
  public static FaultPlan throttledAndFailing(long seed) {
    return NONE.withThrottles(0.20)
        .withInternalServerErrors(0.01)
        .withServiceUnavailable(0.01)
        .withConnectionResets(0.01)
        .withSeed(seed);
  }

  /** This plan with HTTP 500 answered to the given share of requests. */
  public FaultPlan withInternalServerErrors(double rate) {
    return with(d -> d.internalServerErrorRate = rate);
  }

  /** This plan with HTTP 503 answered to the given share of requests. */
  public FaultPlan withServiceUnavailable(double rate) {
    return with(d -> d.serviceUnavailableRate = rate);
  }

  /** This plan with the connection dropped, unanswered, for the given share of requests. */
  public FaultPlan withConnectionResets(double rate) {
    return with(d -> d.connectionResetRate = rate);
  }

  /**
   * This plan with {@code ProvisionedThroughputExceededException} answered to the given share of
   * requests, whatever the table's capacity.
   */
  public FaultPlan withThrottles(double rate) {
    return with(d -> d.throttleRate = rate);
  }

  /**
   * This plan with the given share of requests delayed by {@code fixed} plus a uniformly random
   * part of at most {@code jitter}.
   */
  public FaultPlan withLatency(double rate, Duration fixed, Duration jitter) {
    return with(
        d -> {
          d.latencyRate = rate;
          d.latency = fixed;
          d.latencyJitter = jitter;
        });
  }

  /** This plan drawing from a generator with the given seed. */
  public FaultPlan withSeed(long seed) {
    return with(d -> d.seed = seed);
  }

  /** This plan with some components changed, checked as any new plan is. */
  private FaultPlan with(Consumer<Draft> change) {
    Draft d = new Draft(this);
    change.accept(d);
    return new FaultPlan(
        d.internalServerErrorRate,
        d.serviceUnavailableRate,
        d.connectionResetRate,
        d.throttleRate,
        d.latencyRate,
        d.latency,
        d.latencyJitter,
        d.seed);
  }

  /** A plan's components while a wither changes some of them: one copy, not one per wither. */
  private static final class Draft {
    double internalServerErrorRate;
    double serviceUnavailableRate;
    double connectionResetRate;
    double throttleRate;
    double latencyRate;
    Duration latency;
    Duration latencyJitter;
    long seed;

    Draft(FaultPlan p) {
      internalServerErrorRate = p.internalServerErrorRate;
      serviceUnavailableRate = p.serviceUnavailableRate;
      connectionResetRate = p.connectionResetRate;
      throttleRate = p.throttleRate;
      latencyRate = p.latencyRate;
      latency = p.latency;
      latencyJitter = p.latencyJitter;
      seed = p.seed;
    }
  }
}
