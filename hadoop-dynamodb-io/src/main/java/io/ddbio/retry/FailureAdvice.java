package io.ddbio.retry;

import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/** What a user can do about an operation that finally failed, for {@link DynamoDBIOException}. */
final class FailureAdvice {

  private FailureAdvice() {}

  static String of(FailureKind kind, Throwable cause) {
    return switch (kind) {
      case THROTTLED ->
          "DynamoDB kept throttling for longer than the retry time limit: raise the table's capacity"
              + " (or the on-demand budget), lower dynamodb.throughput.read.percent or"
              + " dynamodb.throughput.write.percent, or run fewer tasks at once";
      case TRANSIENT ->
          "DynamoDB or the network kept failing: check that the endpoint is reachable"
              + " (dynamodb.endpoint, dynamodb.region) and the AWS service health, then run again";
      case FATAL -> ofFatal(cause);
    };
  }

  private static String ofFatal(Throwable cause) {
    if (cause == null) {
      return "retrying cannot help";
    }
    String code = DynamoDBFailureClassifier.errorCode(cause);
    if (DynamoDBFailureClassifier.isAuthFailure(cause)) {
      return "check the AWS credentials, the IAM policy of the identity running the job (it needs"
          + " the DynamoDB actions on this table) and that this machine's clock is right";
    }
    if (cause instanceof ResourceNotFoundException || code.equals("ResourceNotFoundException")) {
      return "check the table name and that dynamodb.region and dynamodb.endpoint point where the"
          + " table is";
    }
    if (code.equals("ValidationException")) {
      return "DynamoDB rejected the request as invalid; its message says why (for writes: each item"
          + " needs the table's key attributes with the key schema's types and at most 400 KB)";
    }
    if (cause instanceof ConditionalCheckFailedException) {
      return "a condition on the write was not met and the item was left unchanged";
    }
    if (cause instanceof SdkServiceException) {
      return "DynamoDB rejected the request and retrying cannot help; see the cause";
    }
    if (cause instanceof SdkClientException) {
      return "the AWS SDK could not make the request: check credentials, region and endpoint";
    }
    return "this is not a DynamoDB failure and retrying cannot help; see the cause";
  }
}
