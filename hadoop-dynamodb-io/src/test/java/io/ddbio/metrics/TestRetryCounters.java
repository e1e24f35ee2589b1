package io.ddbio.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ddbio.retry.Backoff;
import io.ddbio.retry.DynamoDBIOException;
import io.ddbio.retry.DynamoDBRetryPolicy;
import io.ddbio.retry.FailureKind;
import io.ddbio.retry.Retrier;
import io.ddbio.testing.FakeTime;
import io.ddbio.testing.RecordingCounters;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.InternalServerErrorException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;

/** The retry counters count what {@link DdbioCounter}'s Javadoc says they count. */
class TestRetryCounters {
  private static final String OP = "BatchWriteItem to table \"T\"";

  private final FakeTime time = new FakeTime();
  private final RecordingCounters counters = new RecordingCounters();
  private final Retrier retrier =
      new Retrier(
          DynamoDBRetryPolicy.builder()
              .throttleTimeLimit(Duration.ofSeconds(1))
              .transientMaxAttempts(3)
              .jitter(() -> 1.0)
              .build(),
          time,
          time,
          new RetryCounters(counters));

  @Test
  void everyRequestAnsweredWithThrottlingIsCountedTheLastOneToo() {
    int calls =
        callsBeforeGivingUp(
            () -> ProvisionedThroughputExceededException.builder().message("slow").build());
    assertEquals(calls, counters.get(DdbioCounter.THROTTLED_REQUESTS));
  }

  @Test
  void aPauseForUnprocessedItemsIsNotAThrottledRequest() throws IOException {
    Backoff backoff = retrier.backoff(OP);
    backoff.pause(FailureKind.THROTTLED, "3 of 25 items returned unprocessed");
    backoff.pause(FailureKind.THROTTLED, "3 of 3 items returned unprocessed");
    assertEquals(0, counters.get(DdbioCounter.THROTTLED_REQUESTS));
    assertEquals(0, counters.get(DdbioCounter.TRANSIENT_RETRIES));
  }

  @Test
  void transientFaultsCountTheRetriesOnly() {
    int calls =
        callsBeforeGivingUp(() -> InternalServerErrorException.builder().message("oops").build());
    assertEquals(3, calls);
    assertEquals(2, counters.get(DdbioCounter.TRANSIENT_RETRIES), "two retries of three attempts");
    assertEquals(0, counters.get(DdbioCounter.THROTTLED_REQUESTS));
  }

  /**
   * Calls through the retrier an operation that always fails with the fault, checks that the
   * retrier gives up, and returns how many times the operation was called.
   */
  private int callsBeforeGivingUp(Supplier<? extends RuntimeException> fault) {
    AtomicInteger calls = new AtomicInteger();
    assertThrows(
        DynamoDBIOException.class,
        () ->
            retrier.call(
                OP,
                () -> {
                  calls.incrementAndGet();
                  throw fault.get();
                }));
    return calls.get();
  }
}
