package io.ddbio.dynamodb;

import io.ddbio.config.ClientOptions;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.StsClientBuilder;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * Credentials of an assumed role, refreshed by the SDK before they expire. It owns the STS client
 * it calls through, and closes it: the SDK's provider leaves a client it was given open, and the
 * DynamoDB client closes its credentials provider when it is closed.
 */
final class AssumedRoleCredentials implements AwsCredentialsProvider, SdkAutoCloseable {
  private final StsClient sts;
  private final StsAssumeRoleCredentialsProvider provider;

  /**
   * Makes no network call; the role is first assumed when credentials are first asked for.
   *
   * @param role the role and how to reach STS
   * @param base the credentials the role is assumed with
   * @param region the region of the STS endpoint; null for the SDK's region chain
   */
  AssumedRoleCredentials(
      ClientOptions.AssumeRole role, AwsCredentialsProvider base, Region region) {
    StsClientBuilder builder = StsClient.builder().credentialsProvider(base);
    role.stsEndpoint().ifPresent(builder::endpointOverride);
    if (region != null) {
      builder.region(region);
    }
    this.sts = builder.build();
    AssumeRoleRequest.Builder request =
        AssumeRoleRequest.builder().roleArn(role.roleArn()).roleSessionName(role.sessionName());
    if (role.externalId() != null) {
      request.externalId(role.externalId());
    }
    this.provider =
        StsAssumeRoleCredentialsProvider.builder()
            .stsClient(sts)
            .refreshRequest(request.build())
            .asyncCredentialUpdateEnabled(false)
            .build();
  }

  @Override
  public AwsCredentials resolveCredentials() {
    return provider.resolveCredentials();
  }

  @Override
  public void close() {
    provider.close();
    sts.close();
  }

  @Override
  public String toString() {
    return "AssumedRoleCredentials";
  }
}
