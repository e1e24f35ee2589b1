package io.ddbio.config;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * How to reach DynamoDB.
 *
 * @param endpoint endpoint override (DynamoDB Local, VPC endpoint); empty for the region's endpoint
 * @param region region override; empty for the SDK's region chain
 * @param credentials explicit credentials; empty for the AWS default credential chain
 * @param assumeRole a role to assume with those credentials; empty to use them as they are
 * @param maxConnections HTTP connection pool size
 * @param attemptTimeout time limit of one request attempt
 */
public record ClientOptions(
    Optional<URI> endpoint,
    Optional<String> region,
    Optional<StaticCredentials> credentials,
    Optional<AssumeRole> assumeRole,
    int maxConnections,
    Duration attemptTimeout) {

  public ClientOptions {
    if (maxConnections < 1) {
      throw new IllegalArgumentException(
          DdbioKeys.MAX_CONNECTIONS.name() + " must be at least 1, was " + maxConnections);
    }
  }

  /** Explicit credentials whose secret parts never appear in {@link #toString()}. */
  public record StaticCredentials(String accessKeyId, String secretAccessKey, String sessionToken) {
    @Override
    public String toString() {
      return "StaticCredentials[accessKeyId=(secret), secretAccessKey=(secret), sessionToken="
          + (sessionToken == null ? "(none)" : "(secret)")
          + "]";
    }
  }

  /**
   * An IAM role to assume for DynamoDB calls.
   *
   * @param roleArn the role's ARN
   * @param externalId the external id its trust policy asks for; null when none
   * @param sessionName the role session name
   * @param stsEndpoint STS endpoint override; empty for the region's STS endpoint
   */
  public record AssumeRole(
      String roleArn, String externalId, String sessionName, Optional<URI> stsEndpoint) {
    @Override
    public String toString() {
      return "AssumeRole[roleArn="
          + roleArn
          + ", externalId="
          + (externalId == null ? "(none)" : "(secret)")
          + ", sessionName="
          + sessionName
          + ", stsEndpoint="
          + stsEndpoint.map(URI::toString).orElse("(region's)")
          + "]";
    }
  }
}
