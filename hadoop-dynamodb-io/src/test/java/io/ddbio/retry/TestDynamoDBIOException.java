package io.ddbio.retry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;

class TestDynamoDBIOException {

  @Test
  void messageNamesOperationKindAttemptsTimeCauseAndRemedy() {
    DynamoDBIOException e =
        new DynamoDBIOException(
            "Scan of table \"T\" segment 3/16",
            FailureKind.TRANSIENT,
            10,
            Duration.ofMillis(21_400),
            SdkClientException.create("Unable to execute HTTP request: Connection refused"));
    assertEquals(
        "Scan of table \"T\" segment 3/16 failed (TRANSIENT) after 10 attempts in 21.4 s:"
            + " SdkClientException: Unable to execute HTTP request: Connection refused."
            + " What to do: DynamoDB or the network kept failing: check that the endpoint is"
            + " reachable (dynamodb.endpoint, dynamodb.region) and the AWS service health, then run"
            + " again.",
        e.getMessage());
  }

  @Test
  void validationAdviceTalksAboutTheItem() {
    DynamoDBIOException e =
        new DynamoDBIOException(
            "BatchWriteItem to table \"T\"",
            FailureKind.FATAL,
            1,
            Duration.ZERO,
            SdkFailures.service("ValidationException", 400));
    assertTrue(e.getMessage().contains("key schema"), e.getMessage());
  }

  @Test
  void aRefusalIsAFatal4xxAndNotThrottlingNorAFault() {
    assertTrue(failure(FailureKind.FATAL, SdkFailures.service("AccessDeniedException", 400)));
    assertTrue(failure(FailureKind.FATAL, SdkFailures.service("UnknownOperationException", 400)));
    assertFalse(
        failure(FailureKind.THROTTLED, SdkFailures.service("ThrottlingException", 400)),
        "throttling beyond the retries' patience is no answer");
    assertFalse(failure(FailureKind.TRANSIENT, SdkFailures.service("InternalServerError", 500)));
    assertFalse(failure(FailureKind.FATAL, SdkClientException.create("no credentials")));
  }

  private static boolean failure(FailureKind kind, Exception cause) {
    return new DynamoDBIOException("DescribeTimeToLive T", kind, 1, Duration.ZERO, cause)
        .refusedByService();
  }

  @Test
  void formatsDurationsForPeople() {
    assertEquals("0 ms", DynamoDBIOException.format(Duration.ZERO));
    assertEquals("999 ms", DynamoDBIOException.format(Duration.ofMillis(999)));
    assertEquals("1.0 s", DynamoDBIOException.format(Duration.ofSeconds(1)));
    assertEquals("59.9 s", DynamoDBIOException.format(Duration.ofMillis(59_900)));
    assertEquals("15 min 4 s", DynamoDBIOException.format(Duration.ofSeconds(904)));
    assertEquals("2 h 0 min 1 s", DynamoDBIOException.format(Duration.ofSeconds(7_201)));
  }
}
