package io.ddbio.export;

import io.ddbio.capacity.CapacityBudget;
import io.ddbio.dynamodb.DynamoDBSession;
import io.ddbio.metrics.CounterSink;
import io.ddbio.retry.DynamoDBIOException;
import io.ddbio.scan.PageSizer;
import io.ddbio.scan.ScanSpec;
import io.ddbio.scan.SegmentScanner;
import io.ddbio.tool.UsageException;
import java.io.IOException;
import java.time.Duration;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/**
 * Tries a scan's projection and filter on the table before the job is submitted, with one Scan of
 * at most one item built exactly as the tasks build theirs. DynamoDB checks what only it can (the
 * expressions' syntax, reserved words such as {@code status} used without a placeholder), so a
 * mistake is a usage error at once instead of a failure of every map task. It costs at most one
 * read of one item.
 */
final class ExpressionProbe {
  private static final String VALIDATION = "ValidationException";

  private ExpressionProbe() {}

  /**
   * Retries: throttling and transient faults, through the session's retrier.
   *
   * @throws UsageException with DynamoDB's reason when it refuses the expressions
   * @throws IOException when the Scan fails for another reason
   */
  static void check(DynamoDBSession session, ScanSpec spec) throws IOException {
    CapacityBudget budget =
        new CapacityBudget(1, Duration.ofSeconds(1), session.clock(), session.sleeper());
    SegmentScanner probe =
        new SegmentScanner(
            session.client(),
            session.retrier(),
            budget,
            new PageSizer(1, 1, spec.consistentRead()),
            CounterSink.NONE,
            session.clock(),
            spec,
            0,
            1);
    try {
      probe.nextPage();
    } catch (DynamoDBIOException e) {
      if (e.getCause() instanceof DynamoDbException d
          && d.awsErrorDetails() != null
          && VALIDATION.equals(d.awsErrorDetails().errorCode())) {
        throw new UsageException(
            "DynamoDB refused the scan's projection or filter: "
                + d.awsErrorDetails().errorMessage()
                + " (check --projection, --filter, --names and --values; a reserved word such as"
                + " status needs a placeholder: --filter \"#s = :v\" --names '{\"#s\":\"status\"}')");
      }
      throw e;
    }
  }
}
