package io.ddbio.retry;

import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * An operation on DynamoDB failed for good: it was fatal, or retries were spent. The message names
 * the operation, the kind of failure, the attempts, the time spent, the cause and what to do about
 * it; the cause (if any) is attached.
 */
public class DynamoDBIOException extends IOException {

  private static final long serialVersionUID = 1L;

  private final String operation;
  private final FailureKind kind;
  private final int attempts;
  private final Duration elapsed;

  /**
   * Creates the exception for a failure that an exception caused.
   *
   * @param operation what failed, e.g. {@code Scan of table "T" segment 3/16}
   * @param kind how the last failure was classified
   * @param attempts attempts made, at least 1
   * @param elapsed time spent on the operation
   * @param cause the last failure
   */
  public DynamoDBIOException(
      String operation, FailureKind kind, int attempts, Duration elapsed, Throwable cause) {
    this(operation, kind, attempts, elapsed, null, cause);
  }

  /**
   * Creates the exception with an explicit description of the last failure, for failures that come
   * without an exception (such as items DynamoDB left unprocessed) or to add detail.
   *
   * @param operation what failed
   * @param kind how the last failure was classified
   * @param attempts attempts made, at least 1
   * @param elapsed time spent on the operation
   * @param detail what went wrong on the last attempt, or null to use the cause's message
   * @param cause the last failure, or null
   */
  public DynamoDBIOException(
      String operation,
      FailureKind kind,
      int attempts,
      Duration elapsed,
      String detail,
      Throwable cause) {
    super(message(operation, kind, attempts, elapsed, detail, cause), cause);
    this.operation = operation;
    this.kind = kind;
    this.attempts = attempts;
    this.elapsed = elapsed;
  }

  /**
   * Returns what failed.
   *
   * @return the operation, e.g. {@code Scan of table "T" segment 3/16}
   */
  public String operation() {
    return operation;
  }

  /**
   * Returns how the last failure was classified.
   *
   * @return the failure kind
   */
  public FailureKind kind() {
    return kind;
  }

  /**
   * Returns the attempts made.
   *
   * @return at least 1
   */
  public int attempts() {
    return attempts;
  }

  /**
   * Returns the time spent on the operation before giving up.
   *
   * @return the elapsed time
   */
  public Duration elapsed() {
    return elapsed;
  }

  /**
   * Whether DynamoDB refused the request in a way retrying cannot change: a 4xx answer that is not
   * throttling, such as access denied (a role without the permission), an operation the endpoint
   * does not support (DynamoDB Local has no tagging) or a validation error. Callers that can do
   * without an answer, such as reading a table's tags, go on without it when this is true.
   */
  public boolean refusedByService() {
    return kind == FailureKind.FATAL
        && getCause() instanceof AwsServiceException s
        && s.statusCode() / 100 == 4;
  }

  private static String message(
      String operation,
      FailureKind kind,
      int attempts,
      Duration elapsed,
      String detail,
      Throwable cause) {
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(elapsed, "elapsed");
    return operation
        + " failed ("
        + kind
        + ") after "
        + attempts
        + (attempts == 1 ? " attempt" : " attempts")
        + " in "
        + format(elapsed)
        + ": "
        + (detail == null ? describe(cause) : detail)
        + ". What to do: "
        + FailureAdvice.of(kind, cause)
        + ".";
  }

  private static String describe(Throwable cause) {
    if (cause == null) {
      return "no cause given";
    }
    String message = cause.getMessage();
    String name = cause.getClass().getSimpleName();
    return message == null || message.isBlank() ? name : name + ": " + message;
  }

  /** Formats a duration for people: {@code 850 ms}, {@code 12.3 s}, {@code 15 min 4 s}. */
  static String format(Duration d) {
    long millis = d.toMillis();
    if (millis < 1_000) {
      return millis + " ms";
    }
    if (millis < 60_000) {
      return String.format(Locale.ROOT, "%.1f s", millis / 1_000.0);
    }
    long seconds = d.toSeconds();
    long hours = seconds / 3_600;
    long minutes = seconds % 3_600 / 60;
    long rest = seconds % 60;
    return hours > 0
        ? hours + " h " + minutes + " min " + rest + " s"
        : minutes + " min " + rest + " s";
  }
}
