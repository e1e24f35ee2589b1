package io.ddbio.retry;

import static io.ddbio.retry.FailureKind.FATAL;
import static io.ddbio.retry.FailureKind.THROTTLED;
import static io.ddbio.retry.FailureKind.TRANSIENT;
import static io.ddbio.retry.SdkFailures.service;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.InternalServerErrorException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.RequestLimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ThrottlingException;

class TestDynamoDBFailureClassification {

  private final RetryPolicy policy = DynamoDBRetryPolicy.defaults();

  static Stream<Arguments> failures() {
    return Stream.of(
        // Throttling: wait patiently.
        row(
            "ProvisionedThroughputExceededException",
            ProvisionedThroughputExceededException.builder().message("too fast").build(),
            THROTTLED),
        row(
            "RequestLimitExceededException",
            RequestLimitExceededException.builder().message("account limit").build(),
            THROTTLED),
        row(
            "ThrottlingException class",
            ThrottlingException.builder().message("slow down").build(),
            THROTTLED),
        row("code ThrottlingException", service("ThrottlingException", 400), THROTTLED),
        row(
            "code ProvisionedThroughputExceededException",
            service("ProvisionedThroughputExceededException", 400),
            THROTTLED),
        row("code RequestLimitExceeded", service("RequestLimitExceeded", 400), THROTTLED),
        row("code TooManyRequestsException", service("TooManyRequestsException", 400), THROTTLED),
        row("code SlowDown on a 503", service("SlowDown", 503), THROTTLED),
        row("HTTP 429 without a code", service(null, 429), THROTTLED),
        // Transient: a bounded number of retries.
        row(
            "InternalServerErrorException",
            InternalServerErrorException.builder().message("oops").build(),
            TRANSIENT),
        row("HTTP 500", service("InternalServerError", 500), TRANSIENT),
        row("HTTP 503 without a code", service(null, 503), TRANSIENT),
        row(
            "code ServiceUnavailable without a status",
            service("ServiceUnavailable", 0),
            TRANSIENT),
        row(
            "client failure caused by IOException",
            SdkClientException.create("failed", new IOException("broken pipe")),
            TRANSIENT),
        row(
            "client failure caused by connection reset",
            SdkClientException.create("failed", new SocketException("Connection reset")),
            TRANSIENT),
        row(
            "client failure caused by UncheckedIOException",
            SdkClientException.create(
                "failed", new UncheckedIOException(new EOFException("truncated"))),
            TRANSIENT),
        row(
            "client failure with a deep I/O cause",
            SdkClientException.create(
                "outer", new IllegalStateException("middle", new SocketTimeoutException("read"))),
            TRANSIENT),
        row(
            "Unable to execute HTTP request",
            SdkClientException.create("Unable to execute HTTP request: no route to host"),
            TRANSIENT),
        row("attempt timeout", ApiCallAttemptTimeoutException.create(2_000), TRANSIENT),
        row(
            "call timeout",
            ApiCallTimeoutException.create("call took too long", new RuntimeException("x")),
            TRANSIENT),
        row("plain IOException", new IOException("connection closed"), TRANSIENT),
        row("UncheckedIOException", new UncheckedIOException(new IOException("x")), TRANSIENT),
        row("socket timeout (not an interrupt)", new SocketTimeoutException("read"), TRANSIENT),
        // Fatal: fail at once.
        row(
            "ResourceNotFoundException",
            ResourceNotFoundException.builder().message("no table").build(),
            FATAL),
        row("code ValidationException", service("ValidationException", 400), FATAL),
        row("code AccessDeniedException", service("AccessDeniedException", 400), FATAL),
        row("code UnrecognizedClientException", service("UnrecognizedClientException", 400), FATAL),
        row("code InvalidSignatureException", service("InvalidSignatureException", 400), FATAL),
        row("HTTP 403 without a code", service(null, 403), FATAL),
        row("another 4xx", service("SerializationException", 400), FATAL),
        row(
            "ConditionalCheckFailedException",
            ConditionalCheckFailedException.builder().message("condition").build(),
            FATAL),
        row(
            "client failure without I/O",
            SdkClientException.create("Unable to load credentials from any of the providers"),
            FATAL),
        row("SDK abort (an interrupt)", AbortedException.create("Thread was interrupted"), FATAL),
        row("InterruptedIOException", new InterruptedIOException("stop"), FATAL),
        row("programming error", new NullPointerException("bug"), FATAL),
        row("illegal argument", new IllegalArgumentException("bug"), FATAL),
        row(
            "an inner retrier's final failure",
            new DynamoDBIOException(
                "Scan", TRANSIENT, 10, Duration.ofSeconds(20), new IOException()),
            FATAL));
  }

  private static Arguments row(String name, Throwable failure, FailureKind expected) {
    return Arguments.of(name, failure, expected);
  }

  @ParameterizedTest(name = "{0} is {2}")
  @MethodSource("failures")
  void classifiesFailure(String name, Throwable failure, FailureKind expected) {
    assertEquals(expected, policy.classify(failure), name);
  }

  @Test
  void rejectsNull() {
    assertThrows(NullPointerException.class, () -> policy.classify(null));
  }
}
