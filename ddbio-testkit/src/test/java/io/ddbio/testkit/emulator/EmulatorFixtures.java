package io.ddbio.testkit.emulator;

import io.ddbio.testkit.LocalClients;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.retries.DefaultRetryStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Items and clients shared by the emulator's integration tests. */
final class EmulatorFixtures {
  private EmulatorFixtures() {}

  /** Items {@code prefix-0…} with a string key {@code id} and a payload of the given length. */
  static List<Map<String, AttributeValue>> items(String prefix, int count, int payloadLength) {
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      items.add(
          Map.of(
              "id", AttributeValue.fromS(prefix + "-" + i),
              "n", AttributeValue.fromN(Integer.toString(i)),
              "payload", AttributeValue.fromS("p".repeat(payloadLength))));
    }
    return items;
  }

  /** A client whose every error reaches the test: the SDK's own retries are off. */
  static DynamoDbClient clientWithoutRetries(URI endpoint) {
    return LocalClients.builder(endpoint)
        .overrideConfiguration(c -> c.retryStrategy(DefaultRetryStrategy.doNotRetry()))
        .build();
  }
}
