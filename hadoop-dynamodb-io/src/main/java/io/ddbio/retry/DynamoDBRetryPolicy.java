package io.ddbio.retry;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * The retry policy for DynamoDB calls made with the AWS SDK v2 (whose own retries are off).
 *
 * <ul>
 *   <li>{@link FailureKind#THROTTLED THROTTLED}: {@code ProvisionedThroughputExceededException},
 *       {@code RequestLimitExceededException}, {@code ThrottlingException}, error codes such as
 *       {@code ThrottlingException}, {@code RequestLimitExceeded}, {@code
 *       TooManyRequestsException}, {@code SlowDown}, and HTTP 429. Throttling is expected on a busy
 *       table, so these are retried patiently, with exponential backoff and full jitter (default 50
 *       ms doubling up to 10 s), until the failures have lasted longer than the throttle time limit
 *       (default 15 minutes).
 *   <li>{@link FailureKind#TRANSIENT TRANSIENT}: HTTP 5xx ({@code InternalServerErrorException}),
 *       call and attempt timeouts, SDK client failures caused by I/O or reporting that the HTTP
 *       request could not be executed, and I/O exceptions. Retried up to a bounded number of
 *       attempts in all (default 10) with exponential backoff and full jitter (default 100 ms
 *       doubling up to 5 s).
 *   <li>{@link FailureKind#FATAL FATAL}: everything else: missing table, validation errors,
 *       authentication and authorisation errors, other 4xx, failed conditions, interrupts,
 *       programming errors. Never retried.
 * </ul>
 *
 * <p>Full jitter means each delay is drawn uniformly from zero to the exponential ceiling, which
 * spreads the retries of many tasks throttled at the same moment instead of having them return
 * together. Thread-safe if the jitter source is.
 */
public final class DynamoDBRetryPolicy implements RetryPolicy {

  /** First ceiling of the delay after throttling: 50 ms. */
  public static final Duration DEFAULT_THROTTLE_BASE_DELAY = Duration.ofMillis(50);

  /** Largest delay after throttling: 10 s, short enough to use capacity soon after it frees up. */
  public static final Duration DEFAULT_THROTTLE_MAX_DELAY = Duration.ofSeconds(10);

  /**
   * How long throttling may last before giving up: 15 minutes, long enough to ride out a busy
   * period or a capacity change, short enough that a task on a starved table fails in reasonable
   * time.
   */
  public static final Duration DEFAULT_THROTTLE_TIME_LIMIT = Duration.ofMinutes(15);

  /** First ceiling of the delay after a transient failure: 100 ms. */
  public static final Duration DEFAULT_TRANSIENT_BASE_DELAY = Duration.ofMillis(100);

  /** Largest delay after a transient failure: 5 s. */
  public static final Duration DEFAULT_TRANSIENT_MAX_DELAY = Duration.ofSeconds(5);

  /**
   * Attempts in all (the first plus retries) before a transient failure is final: 10, which with
   * the default delays waits about 20 s at most, enough to get past a dropped connection or a brief
   * service fault.
   */
  public static final int DEFAULT_TRANSIENT_MAX_ATTEMPTS = 10;

  /** Doubling stops here; 2^30 times any sensible base delay is beyond any sensible cap. */
  private static final int MAX_DOUBLINGS = 30;

  private final Duration throttleBaseDelay;
  private final Duration throttleMaxDelay;
  private final Duration throttleTimeLimit;
  private final Duration transientBaseDelay;
  private final Duration transientMaxDelay;
  private final int transientMaxAttempts;
  private final DoubleSupplier jitter;

  private DynamoDBRetryPolicy(Builder b) {
    this.throttleBaseDelay = b.throttleBaseDelay;
    this.throttleMaxDelay = b.throttleMaxDelay;
    this.throttleTimeLimit = b.throttleTimeLimit;
    this.transientBaseDelay = b.transientBaseDelay;
    this.transientMaxDelay = b.transientMaxDelay;
    this.transientMaxAttempts = b.transientMaxAttempts;
    this.jitter = b.jitter;
  }

  /**
   * Returns a builder holding the defaults.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a policy with every default.
   *
   * @return the default policy
   */
  public static DynamoDBRetryPolicy defaults() {
    return builder().build();
  }

  @Override
  public FailureKind classify(Throwable t) {
    return DynamoDBFailureClassifier.classify(Objects.requireNonNull(t, "t"));
  }

  @Override
  public Optional<Duration> nextDelay(
      FailureKind kind, int consecutiveFailures, Duration sinceFirstFailure) {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(sinceFirstFailure, "sinceFirstFailure");
    if (consecutiveFailures < 1) {
      throw new IllegalArgumentException(
          "consecutiveFailures must be at least 1, was " + consecutiveFailures);
    }
    return switch (kind) {
      case THROTTLED ->
          sinceFirstFailure.compareTo(throttleTimeLimit) > 0
              ? Optional.empty()
              : Optional.of(jittered(delayCeiling(kind, consecutiveFailures)));
      case TRANSIENT ->
          consecutiveFailures >= transientMaxAttempts
              ? Optional.empty()
              : Optional.of(jittered(delayCeiling(kind, consecutiveFailures)));
      case FATAL -> Optional.empty();
    };
  }

  /**
   * Returns the largest delay {@link #nextDelay} may choose after the given failure: the base delay
   * doubled for each earlier failure, capped.
   */
  Duration delayCeiling(FailureKind kind, int consecutiveFailures) {
    Duration base = kind == FailureKind.THROTTLED ? throttleBaseDelay : transientBaseDelay;
    Duration max = kind == FailureKind.THROTTLED ? throttleMaxDelay : transientMaxDelay;
    int doublings = Math.min(consecutiveFailures - 1, MAX_DOUBLINGS);
    double nanos = base.toNanos() * Math.pow(2, doublings);
    return Duration.ofNanos((long) Math.min(nanos, max.toNanos()));
  }

  private Duration jittered(Duration ceiling) {
    double fraction = jitter.getAsDouble();
    if (!(fraction >= 0.0 && fraction <= 1.0)) {
      throw new IllegalStateException("jitter source returned " + fraction + ", not in [0, 1]");
    }
    return Duration.ofNanos((long) (ceiling.toNanos() * fraction));
  }

  @Override
  public String toString() {
    return "DynamoDBRetryPolicy{throttled: "
        + throttleBaseDelay.toMillis()
        + " ms doubling to "
        + throttleMaxDelay.toMillis()
        + " ms for up to "
        + throttleTimeLimit.toSeconds()
        + " s; transient: "
        + transientBaseDelay.toMillis()
        + " ms doubling to "
        + transientMaxDelay.toMillis()
        + " ms, "
        + transientMaxAttempts
        + " attempts}";
  }

  /** Builds a {@link DynamoDBRetryPolicy}; every value starts at its documented default. */
  public static final class Builder {
    private Duration throttleBaseDelay = DEFAULT_THROTTLE_BASE_DELAY;
    private Duration throttleMaxDelay = DEFAULT_THROTTLE_MAX_DELAY;
    private Duration throttleTimeLimit = DEFAULT_THROTTLE_TIME_LIMIT;
    private Duration transientBaseDelay = DEFAULT_TRANSIENT_BASE_DELAY;
    private Duration transientMaxDelay = DEFAULT_TRANSIENT_MAX_DELAY;
    private int transientMaxAttempts = DEFAULT_TRANSIENT_MAX_ATTEMPTS;
    private DoubleSupplier jitter = () -> ThreadLocalRandom.current().nextDouble();

    private Builder() {}

    /**
     * Sets the first delay ceiling after throttling (default {@link #DEFAULT_THROTTLE_BASE_DELAY}).
     *
     * @param d a positive duration
     * @return this builder
     */
    public Builder throttleBaseDelay(Duration d) {
      this.throttleBaseDelay = Objects.requireNonNull(d, "throttleBaseDelay");
      return this;
    }

    /**
     * Sets the largest delay after throttling (default {@link #DEFAULT_THROTTLE_MAX_DELAY}).
     *
     * @param d at least the throttle base delay
     * @return this builder
     */
    public Builder throttleMaxDelay(Duration d) {
      this.throttleMaxDelay = Objects.requireNonNull(d, "throttleMaxDelay");
      return this;
    }

    /**
     * Sets how long throttling may last before giving up (default {@link
     * #DEFAULT_THROTTLE_TIME_LIMIT}).
     *
     * @param d zero or more; zero retries throttling only while no time has passed
     * @return this builder
     */
    public Builder throttleTimeLimit(Duration d) {
      this.throttleTimeLimit = Objects.requireNonNull(d, "throttleTimeLimit");
      return this;
    }

    /**
     * Sets the first delay ceiling after a transient failure (default {@link
     * #DEFAULT_TRANSIENT_BASE_DELAY}).
     *
     * @param d a positive duration
     * @return this builder
     */
    public Builder transientBaseDelay(Duration d) {
      this.transientBaseDelay = Objects.requireNonNull(d, "transientBaseDelay");
      return this;
    }

    /**
     * Sets the largest delay after a transient failure (default {@link
     * #DEFAULT_TRANSIENT_MAX_DELAY}).
     *
     * @param d at least the transient base delay
     * @return this builder
     */
    public Builder transientMaxDelay(Duration d) {
      this.transientMaxDelay = Objects.requireNonNull(d, "transientMaxDelay");
      return this;
    }

    /**
     * Sets the attempts in all, the first included, before a transient failure is final (default
     * {@link #DEFAULT_TRANSIENT_MAX_ATTEMPTS}).
     *
     * @param attempts at least 1; 1 never retries
     * @return this builder
     */
    public Builder transientMaxAttempts(int attempts) {
      this.transientMaxAttempts = attempts;
      return this;
    }

    /**
     * Sets the jitter source (default: a thread-local random). Each delay is its ceiling times one
     * value from this source.
     *
     * @param uniformZeroToOne returns values in [0, 1]
     * @return this builder
     */
    public Builder jitter(DoubleSupplier uniformZeroToOne) {
      this.jitter = Objects.requireNonNull(uniformZeroToOne, "jitter");
      return this;
    }

    /**
     * Builds the policy.
     *
     * @return the policy
     * @throws IllegalArgumentException if a value is out of range
     */
    public DynamoDBRetryPolicy build() {
      requirePositive("throttleBaseDelay", throttleBaseDelay);
      requireAtLeast("throttleMaxDelay", throttleMaxDelay, throttleBaseDelay);
      if (throttleTimeLimit.isNegative()) {
        throw new IllegalArgumentException(
            "throttleTimeLimit must not be negative, was " + throttleTimeLimit);
      }
      requirePositive("transientBaseDelay", transientBaseDelay);
      requireAtLeast("transientMaxDelay", transientMaxDelay, transientBaseDelay);
      if (transientMaxAttempts < 1) {
        throw new IllegalArgumentException(
            "transientMaxAttempts must be at least 1, was " + transientMaxAttempts);
      }
      return new DynamoDBRetryPolicy(this);
    }

    private static void requirePositive(String name, Duration d) {
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(name + " must be positive, was " + d);
      }
    }

    private static void requireAtLeast(String name, Duration d, Duration floor) {
      if (d.compareTo(floor) < 0) {
        throw new IllegalArgumentException(
            name + " must be at least the base delay " + floor + ", was " + d);
      }
    }
  }
}
