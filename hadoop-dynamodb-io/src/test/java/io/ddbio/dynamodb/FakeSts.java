package io.ddbio.dynamodb;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An STS endpoint on 127.0.0.1 that answers {@code AssumeRole} (AWS query protocol) with fixed
 * credentials, or refuses it as STS does, and records each request. Test code: real STS cannot run
 * here, and DynamoDB Local has no STS of its own.
 */
final class FakeSts implements AutoCloseable {

  /** One AssumeRole request as received. */
  record Request(Map<String, String> parameters, String authorization) {}

  private final HttpServer server;
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final String accessKeyId;
  private volatile boolean refuse;

  /**
   * @param accessKeyId the access key id of the credentials it hands out
   */
  FakeSts(String accessKeyId) throws IOException {
    this.accessKeyId = accessKeyId;
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::answer);
    server.start();
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  List<Request> requests() {
    return List.copyOf(requests);
  }

  /** From now on, answers as STS does when the caller may not assume the role. */
  void refuse() {
    refuse = true;
  }

  private void answer(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    Map<String, String> parameters = new HashMap<>();
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        parameters.put(
            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    requests.add(
        new Request(
            Map.copyOf(parameters), exchange.getRequestHeaders().getFirst("Authorization")));
    if (refuse) {
      send(exchange, 403, refusal(parameters.get("RoleArn")));
    } else {
      send(
          exchange, 200, credentials(parameters.get("RoleArn"), parameters.get("RoleSessionName")));
    }
  }

  private String credentials(String roleArn, String sessionName) {
    String expiration =
        Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
    return "<AssumeRoleResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">"
        + "<AssumeRoleResult><Credentials>"
        + "<AccessKeyId>"
        + accessKeyId
        + "</AccessKeyId>"
        + "<SecretAccessKey>assumed-secret</SecretAccessKey>"
        + "<SessionToken>assumed-session-token</SessionToken>"
        + "<Expiration>"
        + expiration
        + "</Expiration>"
        + "</Credentials><AssumedRoleUser>"
        + "<AssumedRoleId>AROAEXAMPLE:"
        + sessionName
        + "</AssumedRoleId>"
        + "<Arn>"
        + roleArn
        + "/"
        + sessionName
        + "</Arn>"
        + "</AssumedRoleUser></AssumeRoleResult>"
        + "<ResponseMetadata><RequestId>fake-sts-1</RequestId></ResponseMetadata>"
        + "</AssumeRoleResponse>";
  }

  private static String refusal(String roleArn) {
    return "<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><Error>"
        + "<Type>Sender</Type><Code>AccessDenied</Code>"
        + "<Message>User: arn:aws:iam::111111111111:user/base is not authorized to perform:"
        + " sts:AssumeRole on resource: "
        + roleArn
        + "</Message>"
        + "</Error><RequestId>fake-sts-2</RequestId></ErrorResponse>";
  }

  private static void send(HttpExchange exchange, int status, String xml) throws IOException {
    byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/xml");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
