package io.ddbio.testkit;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * Builds SDK clients for a DynamoDB Local endpoint, or for a front such as the capacity emulator.
 */
public final class LocalClients {
  /**
   * Any region works: the server runs with a shared database, so tables are not kept per region.
   */
  public static final Region REGION = Region.US_EAST_1;

  private LocalClients() {}

  /**
   * A client for the endpoint with static dummy credentials, so that nothing is read from the
   * environment, and the Apache HTTP client named explicitly because several are on the class path.
   */
  public static DynamoDbClient newClient(URI endpoint) {
    return builder(endpoint).build();
  }

  /**
   * A builder set up as {@link #newClient} does, for a client that needs more, such as its own
   * retry strategy.
   */
  public static DynamoDbClientBuilder builder(URI endpoint) {
    return DynamoDbClient.builder()
        .endpointOverride(endpoint)
        .region(REGION)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("dummy", "dummy")))
        .httpClientBuilder(ApacheHttpClient.builder());
  }
}
