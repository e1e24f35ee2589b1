package io.ddbio.testkit.emulator;

import java.util.Random;

/**
 * Draws, request by request, the faults a {@link FaultPlan} asks for, from one generator seeded by
 * the plan. Thread-safe: concurrent requests take their turns, so the sequence of draws is the same
 * on every run even if which request gets which draw is not.
 */
final class FaultDice {
  /**
   * What one request suffers.
   *
   * @param failure {@link Fault#INTERNAL_SERVER_ERROR}, {@link Fault#SERVICE_UNAVAILABLE}, {@link
   *     Fault#CONNECTION_RESET}, {@link Fault#THROTTLED}, or null to answer normally
   * @param delayNanos how long to hold the request back first, 0 for not at all
   */
  record Draw(Fault failure, long delayNanos) {}

  private final FaultPlan plan;
  private final Random random;
  private final double serviceUnavailableBelow;
  private final double connectionResetBelow;
  private final double throttledBelow;

  FaultDice(FaultPlan plan) {
    this.plan = plan;
    this.random = new Random(plan.seed());
    this.serviceUnavailableBelow = plan.internalServerErrorRate() + plan.serviceUnavailableRate();
    this.connectionResetBelow = serviceUnavailableBelow + plan.connectionResetRate();
    // Last, so that a plan without throttling draws the same sequence as before it existed.
    this.throttledBelow = connectionResetBelow + plan.throttleRate();
  }

  FaultPlan plan() {
    return plan;
  }

  /** The next request's faults. */
  synchronized Draw draw() {
    // One number picks among the mutually exclusive failures, so their rates simply add up.
    double failureDraw = random.nextDouble();
    Fault failure = null;
    if (failureDraw < plan.internalServerErrorRate()) {
      failure = Fault.INTERNAL_SERVER_ERROR;
    } else if (failureDraw < serviceUnavailableBelow) {
      failure = Fault.SERVICE_UNAVAILABLE;
    } else if (failureDraw < connectionResetBelow) {
      failure = Fault.CONNECTION_RESET;
    } else if (failureDraw < throttledBelow) {
      failure = Fault.THROTTLED;
    }
    long delayNanos = 0;
    if (plan.latencyRate() > 0 && random.nextDouble() < plan.latencyRate()) {
      long jitter = plan.latencyJitter().toNanos();
      delayNanos = plan.latency().toNanos() + (jitter > 0 ? random.nextLong(jitter + 1) : 0);
    }
    return new Draw(failure, delayNanos);
  }
}
