package io.ddbio.retry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.dynamodb.model.InternalServerErrorException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.RequestLimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.ThrottlingException;

/** Maps what a DynamoDB call threw (AWS SDK v2) to a {@link FailureKind}. */
final class DynamoDBFailureClassifier {

  /** Error codes that mean "too many requests": wait and try again. */
  static final Set<String> THROTTLING_CODES =
      Set.of(
          "ThrottlingException",
          "Throttling",
          "ProvisionedThroughputExceededException",
          "RequestLimitExceeded",
          "TooManyRequestsException",
          "SlowDown");

  /** Error codes of server-side faults, for responses that carry no 5xx status. */
  static final Set<String> TRANSIENT_CODES =
      Set.of(
          "InternalServerError",
          "InternalFailure",
          "InternalError",
          "ServiceUnavailable",
          "RequestTimeout",
          "RequestTimeoutException");

  /** Error codes that mean the caller is not who it claims or may not do this. */
  static final Set<String> AUTH_CODES =
      Set.of(
          "AccessDeniedException",
          "UnrecognizedClientException",
          "InvalidSignatureException",
          "IncompleteSignatureException",
          "MissingAuthenticationTokenException",
          "ExpiredTokenException",
          "InvalidClientTokenId",
          "SignatureDoesNotMatch",
          "AuthFailure");

  private static final String HTTP_FAILURE_MESSAGE = "unable to execute http request";
  private static final int MAX_CAUSE_DEPTH = 16;

  private DynamoDBFailureClassifier() {}

  static FailureKind classify(Throwable t) {
    if (Interruptions.isInterruption(t) || t instanceof DynamoDBIOException) {
      // An interrupt is a request to stop, and a DynamoDBIOException was already retried by an
      // inner
      // loop: retrying either would be wrong.
      return FailureKind.FATAL;
    }
    if (t instanceof SdkServiceException service) {
      return classifyService(service);
    }
    if (t instanceof ApiCallAttemptTimeoutException || t instanceof ApiCallTimeoutException) {
      return FailureKind.TRANSIENT;
    }
    if (t instanceof SdkClientException client) {
      return hasIoCause(client) || reportsHttpFailure(client)
          ? FailureKind.TRANSIENT
          : FailureKind.FATAL;
    }
    if (t instanceof IOException || t instanceof UncheckedIOException) {
      return FailureKind.TRANSIENT;
    }
    return FailureKind.FATAL;
  }

  private static FailureKind classifyService(SdkServiceException e) {
    String code = errorCode(e);
    if (e instanceof ProvisionedThroughputExceededException
        || e instanceof RequestLimitExceededException
        || e instanceof ThrottlingException
        || THROTTLING_CODES.contains(code)
        || e.statusCode() == 429
        // The SDK's own list of throttling codes, for codes other AWS front ends may send.
        || e.isThrottlingException()) {
      return FailureKind.THROTTLED;
    }
    if (e instanceof InternalServerErrorException
        || e.statusCode() >= 500
        || TRANSIENT_CODES.contains(code)) {
      return FailureKind.TRANSIENT;
    }
    return FailureKind.FATAL;
  }

  /** Returns the service's error code, or the empty string when the exception carries none. */
  static String errorCode(Throwable t) {
    if (t instanceof AwsServiceException aws
        && aws.awsErrorDetails() != null
        && aws.awsErrorDetails().errorCode() != null) {
      return aws.awsErrorDetails().errorCode();
    }
    return "";
  }

  /** Whether the service said the caller's identity or permissions are wrong. */
  static boolean isAuthFailure(Throwable t) {
    if (!(t instanceof SdkServiceException service)) {
      return false;
    }
    return AUTH_CODES.contains(errorCode(t))
        || service.statusCode() == 401
        || service.statusCode() == 403;
  }

  private static boolean hasIoCause(Throwable t) {
    int depth = 0;
    for (Throwable c = t.getCause(); c != null && depth < MAX_CAUSE_DEPTH; c = c.getCause()) {
      if (c instanceof IOException || c instanceof UncheckedIOException) {
        return true;
      }
      depth++;
    }
    return false;
  }

  private static boolean reportsHttpFailure(SdkClientException e) {
    String message = e.getMessage();
    return message != null && message.toLowerCase(Locale.ROOT).contains(HTTP_FAILURE_MESSAGE);
  }
}
