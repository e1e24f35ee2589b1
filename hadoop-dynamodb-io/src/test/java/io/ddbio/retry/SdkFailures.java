package io.ddbio.retry;

import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/** Builds SDK v2 service exceptions the way the SDK does for a response, for tests. */
final class SdkFailures {

  private SdkFailures() {}

  /** A service exception with the given error code (may be null) and HTTP status. */
  static AwsServiceException service(String errorCode, int status) {
    AwsErrorDetails.Builder details = AwsErrorDetails.builder().serviceName("DynamoDb");
    if (errorCode != null) {
      details.errorCode(errorCode).errorMessage(errorCode + " from the test");
    }
    return AwsServiceException.builder()
        .awsErrorDetails(details.build())
        .statusCode(status)
        .message(errorCode + " from the test")
        .build();
  }
}
