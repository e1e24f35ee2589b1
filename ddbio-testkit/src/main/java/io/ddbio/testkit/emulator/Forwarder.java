package io.ddbio.testkit.emulator;

import com.sun.net.httpserver.Headers;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.apache.ApacheHttpClient;

/**
 * Sends requests on to DynamoDB Local and brings its answers back, over pooled connections.
 *
 * <p>It uses the SDK's Apache HTTP client as a plain HTTP client (nothing is signed or retried):
 * blocking, it answers a round trip several times faster than {@code java.net.http.HttpClient},
 * whose hand-offs between threads dominate on requests as short as DynamoDB Local's.
 */
final class Forwarder implements AutoCloseable {
  /**
   * Request headers that belong to one connection, that the HTTP client sets itself, or that would
   * let DynamoDB Local compress an answer the emulator has to read.
   */
  private static final Set<String> NOT_FORWARDED =
      Set.of(
          "host",
          "connection",
          "keep-alive",
          "proxy-connection",
          "te",
          "trailer",
          "transfer-encoding",
          "upgrade",
          "expect",
          "content-length",
          "accept-encoding");

  /** Answer headers that belong to one connection or that the emulator's server sets itself. */
  private static final Set<String> NOT_RELAYED =
      Set.of("connection", "keep-alive", "transfer-encoding", "content-length", "date");

  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

  /** Long enough for DynamoDB Local to page through a large scan under load. */
  private static final Duration SOCKET_TIMEOUT = Duration.ofMinutes(2);

  private final URI target;
  private final SdkHttpClient client;

  /**
   * @param target DynamoDB Local's endpoint
   * @param maxConnections the most connections open to it, one per request in flight
   */
  Forwarder(URI target, int maxConnections) {
    this.target = target;
    this.client =
        ApacheHttpClient.builder()
            .maxConnections(maxConnections)
            .connectionTimeout(CONNECT_TIMEOUT)
            .socketTimeout(SOCKET_TIMEOUT)
            .build();
  }

  /** The headers of a received request that are worth forwarding, by name. */
  static Map<String, List<String>> forwardable(Headers received) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    received.forEach(
        (name, values) -> {
          if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
            headers.put(name, values);
          }
        });
    return headers;
  }

  /**
   * Sends the request to DynamoDB Local and waits for its answer.
   *
   * @throws IOException if DynamoDB Local cannot be reached or drops the connection
   */
  Answer forward(Request request) throws IOException {
    byte[] body = request.body();
    SdkHttpFullRequest.Builder http =
        SdkHttpFullRequest.builder()
            .uri(target.resolve(request.pathAndQuery()))
            .method(SdkHttpMethod.fromValue(request.method()));
    request.headers().forEach(http::putHeader);
    // Without a length the client would send the body chunked.
    http.putHeader("Content-Length", Integer.toString(body.length));
    HttpExecuteResponse response =
        client
            .prepareRequest(
                HttpExecuteRequest.builder()
                    .request(http.build())
                    .contentStreamProvider(() -> new ByteArrayInputStream(body))
                    .build())
            .call();

    Map<String, List<String>> headers = new LinkedHashMap<>();
    response
        .httpResponse()
        .headers()
        .forEach(
            (name, values) -> {
              String lowerCase = name.toLowerCase(Locale.ROOT);
              if (!NOT_RELAYED.contains(lowerCase)) {
                headers.put(lowerCase, values);
              }
            });
    return new Answer(
        response.httpResponse().statusCode(), headers, readAll(response.responseBody()));
  }

  /** Reads the whole body, which also hands the connection back to the pool. */
  private static byte[] readAll(Optional<AbortableInputStream> body) throws IOException {
    if (body.isEmpty()) {
      return new byte[0];
    }
    try (InputStream in = body.get()) {
      return in.readAllBytes();
    }
  }

  @Override
  public void close() {
    client.close();
  }
}
