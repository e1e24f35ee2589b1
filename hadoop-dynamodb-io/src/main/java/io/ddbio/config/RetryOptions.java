package io.ddbio.config;

import java.time.Duration;

/**
 * Limits of the retry policy.
 *
 * @param throttleMaxDuration how long one request keeps being retried while throttled
 * @param transientMaxAttempts attempts of a request failing with 5xx or a connection fault
 */
public record RetryOptions(Duration throttleMaxDuration, int transientMaxAttempts) {
  public RetryOptions {
    if (throttleMaxDuration.isNegative() || throttleMaxDuration.isZero()) {
      throw new IllegalArgumentException(
          DdbioKeys.THROTTLE_MAX_DURATION.name() + " must be positive, was " + throttleMaxDuration);
    }
    if (transientMaxAttempts < 1) {
      throw new IllegalArgumentException(
          DdbioKeys.TRANSIENT_MAX_ATTEMPTS.name() + " must be at least 1");
    }
  }
}
