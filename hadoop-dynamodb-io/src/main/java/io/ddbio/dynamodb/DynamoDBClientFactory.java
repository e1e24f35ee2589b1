package io.ddbio.dynamodb;

import io.ddbio.config.ClientOptions;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.retries.DefaultRetryStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * Builds the SDK v2 client from {@link ClientOptions}.
 *
 * <p>The SDK's own retries are switched off: every call is retried by exactly one loop, {@code
 * io.ddbio.retry.Retrier}, so retry loops never nest and every retry is counted.
 */
public final class DynamoDBClientFactory {
  private static final Logger LOG = LoggerFactory.getLogger(DynamoDBClientFactory.class);

  /** Region assumed for a local endpoint when none is configured: DynamoDB Local ignores it. */
  static final Region LOCAL_DEFAULT_REGION = Region.US_EAST_1;

  private DynamoDBClientFactory() {}

  /** Builds a client; makes no network call. */
  public static DynamoDbClient create(ClientOptions options) {
    boolean local = options.endpoint().map(DynamoDBClientFactory::isLoopback).orElse(false);
    DynamoDbClientBuilder builder =
        DynamoDbClient.builder()
            .httpClientBuilder(
                ApacheHttpClient.builder()
                    .maxConnections(options.maxConnections())
                    .socketTimeout(options.attemptTimeout()))
            .overrideConfiguration(
                ClientOverrideConfiguration.builder()
                    .retryStrategy(DefaultRetryStrategy.doNotRetry())
                    .apiCallAttemptTimeout(options.attemptTimeout())
                    .build());
    options.endpoint().ifPresent(builder::endpointOverride);
    Region region = region(options).orElse(null);
    if (region != null) {
      builder.region(region);
    }
    AwsCredentialsProvider credentials = credentials(options, local);
    if (options.assumeRole().isPresent()) {
      // The table's region is the STS region too: regional STS endpoints keep the call in the
      // region, and a role in another account is still assumed through the caller's partition.
      credentials = new AssumedRoleCredentials(options.assumeRole().get(), credentials, region);
    }
    return builder.credentialsProvider(credentials).build();
  }

  /**
   * The region a client built from {@code options} uses: {@code dynamodb.region}, else the SDK's
   * region chain (environment, profile, instance metadata), else, for an endpoint on this machine,
   * {@link #LOCAL_DEFAULT_REGION}. Makes no network call except the chain's own instance-metadata
   * lookup.
   *
   * @return the region; empty when none is set and the chain finds none
   */
  public static Optional<Region> region(ClientOptions options) {
    boolean local = options.endpoint().map(DynamoDBClientFactory::isLoopback).orElse(false);
    return Optional.ofNullable(
        options.region().map(Region::of).orElseGet(() -> defaultRegion(local)));
  }

  private static AwsCredentialsProvider credentials(ClientOptions options, boolean local) {
    if (options.credentials().isPresent()) {
      ClientOptions.StaticCredentials c = options.credentials().get();
      return StaticCredentialsProvider.create(
          c.sessionToken() == null
              ? AwsBasicCredentials.create(c.accessKeyId(), c.secretAccessKey())
              : AwsSessionCredentials.create(
                  c.accessKeyId(), c.secretAccessKey(), c.sessionToken()));
    }
    DefaultCredentialsProvider chain = DefaultCredentialsProvider.builder().build();
    if (!local) {
      return chain;
    }
    // DynamoDB Local accepts any signature; on a machine with no AWS credentials at all a local
    // run should still work, so placeholders come after the real chain, never before it.
    return AwsCredentialsProviderChain.builder()
        .credentialsProviders(
            chain, StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
        .build();
  }

  private static Region defaultRegion(boolean local) {
    try {
      return new DefaultAwsRegionProviderChain().getRegion();
    } catch (SdkClientException e) {
      if (local) {
        return LOCAL_DEFAULT_REGION;
      }
      LOG.debug("No region from the SDK chain; the client will report it", e);
      return null;
    }
  }

  static boolean isLoopback(URI endpoint) {
    String host = endpoint.getHost();
    if (host == null) {
      return false;
    }
    if (host.equalsIgnoreCase("localhost")) {
      return true;
    }
    try {
      // Only literal addresses are checked: resolving a name here would be a network call.
      if (host.chars().allMatch(ch -> Character.isDigit(ch) || ch == '.' || ch == ':')
          || host.startsWith("[")) {
        return InetAddress.getByName(host.replace("[", "").replace("]", "")).isLoopbackAddress();
      }
      return false;
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
