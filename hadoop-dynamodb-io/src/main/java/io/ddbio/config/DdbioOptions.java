package io.ddbio.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;

/**
 * The configuration, read once. Built from two lookups so the core stays free of Hadoop: {@code
 * values} for ordinary keys and {@code secrets} for credentials (the MapReduce adapter answers
 * those through {@code Configuration.getPassword}, so credential providers work).
 */
public final class DdbioOptions {
  private final Function<String, String> values;
  private final ClientOptions client;
  private final RetryOptions retry;

  private DdbioOptions(Function<String, String> values, ClientOptions client, RetryOptions retry) {
    this.values = values;
    this.client = client;
    this.retry = retry;
  }

  /**
   * Reads the client and retry options at once (every job needs them); scan and write options are
   * read on demand, because a job that only reads need not name an output table.
   *
   * @throws IllegalArgumentException naming the key whose value is invalid
   */
  public static DdbioOptions from(
      Function<String, String> values, Function<String, String> secrets) {
    ClientOptions client =
        new ClientOptions(
            Optional.ofNullable(DdbioKeys.ENDPOINT.read(values))
                .map(s -> parseEndpoint(s, DdbioKeys.ENDPOINT)),
            Optional.ofNullable(DdbioKeys.REGION.read(values)),
            credentials(secrets),
            assumeRole(values, secrets),
            DdbioKeys.MAX_CONNECTIONS.read(values),
            DdbioKeys.ATTEMPT_TIMEOUT.read(values));
    RetryOptions retry =
        new RetryOptions(
            DdbioKeys.THROTTLE_MAX_DURATION.read(values),
            DdbioKeys.TRANSIENT_MAX_ATTEMPTS.read(values));
    return new DdbioOptions(values, client, retry);
  }

  public ClientOptions client() {
    return client;
  }

  public RetryOptions retry() {
    return retry;
  }

  /**
   * The scan options.
   *
   * @throws IllegalArgumentException when {@code dynamodb.input.tableName} is unset or a value is
   *     invalid
   */
  public ScanOptions scan() {
    return new ScanOptions(
        required(DdbioKeys.INPUT_TABLE),
        optionalInt(DdbioKeys.SCAN_SEGMENTS),
        DdbioKeys.MAX_MAP_TASKS.read(values),
        DdbioKeys.SCAN_PAGE_LIMIT.read(values),
        DdbioKeys.CONSISTENT_READ.read(values),
        throughput(DdbioKeys.READ_PERCENT, DdbioKeys.READ_UNITS),
        ScanExpressions.read(values));
  }

  /**
   * The write options.
   *
   * @throws IllegalArgumentException when {@code dynamodb.output.tableName} is unset or a value is
   *     invalid
   */
  public WriteOptions write() {
    return new WriteOptions(
        required(DdbioKeys.OUTPUT_TABLE),
        throughput(DdbioKeys.WRITE_PERCENT, DdbioKeys.WRITE_UNITS));
  }

  private ThroughputOptions throughput(ConfigKey<Double> percent, ConfigKey<Double> units) {
    double p = percent.read(values);
    try {
      return new ThroughputOptions(
          p, Optional.ofNullable(units.read(values)), optionalInt(DdbioKeys.CONCURRENT_TASKS));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          e.getMessage() + " (keys " + percent.name() + ", " + units.name() + ")", e);
    }
  }

  private String required(ConfigKey<String> key) {
    String v = key.read(values);
    if (v == null) {
      throw new IllegalArgumentException(key.name() + " is not set: " + key.description());
    }
    return v;
  }

  private OptionalInt optionalInt(ConfigKey<Integer> key) {
    Integer v = key.read(values);
    return v == null ? OptionalInt.empty() : OptionalInt.of(v);
  }

  private static Optional<ClientOptions.StaticCredentials> credentials(
      Function<String, String> secrets) {
    String access = DdbioKeys.ACCESS_KEY.read(secrets);
    String secret = DdbioKeys.SECRET_KEY.read(secrets);
    if (access == null && secret == null) {
      return Optional.empty();
    }
    if (access == null || secret == null) {
      throw new IllegalArgumentException(
          DdbioKeys.ACCESS_KEY.name()
              + " and "
              + DdbioKeys.SECRET_KEY.name()
              + " must be set together (or neither, to use the AWS default credential chain)");
    }
    return Optional.of(
        new ClientOptions.StaticCredentials(access, secret, DdbioKeys.SESSION_TOKEN.read(secrets)));
  }

  private static Optional<ClientOptions.AssumeRole> assumeRole(
      Function<String, String> values, Function<String, String> secrets) {
    String arn = DdbioKeys.ASSUME_ROLE_ARN.read(values);
    if (arn == null || arn.isEmpty()) {
      return Optional.empty();
    }
    if (!arn.startsWith("arn:")) {
      throw new IllegalArgumentException(
          DdbioKeys.ASSUME_ROLE_ARN.name()
              + " must be a role ARN such as arn:aws:iam::123456789012:role/Backup, was \""
              + arn
              + "\"");
    }
    return Optional.of(
        new ClientOptions.AssumeRole(
            arn,
            DdbioKeys.ASSUME_ROLE_EXTERNAL_ID.read(secrets),
            DdbioKeys.ASSUME_ROLE_SESSION_NAME.read(values),
            Optional.ofNullable(DdbioKeys.STS_ENDPOINT.read(values))
                .map(s -> parseEndpoint(s, DdbioKeys.STS_ENDPOINT))));
  }

  private static URI parseEndpoint(String s, ConfigKey<String> key) {
    try {
      URI uri = new URI(s);
      if (uri.getScheme() == null || uri.getHost() == null) {
        throw new URISyntaxException(s, "needs a scheme and a host, e.g. http://127.0.0.1:8000");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(
          "Invalid " + key.name() + " \"" + s + "\": " + e.getMessage(), e);
    }
  }
}
