package io.ddbio.testkit.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading, asking for and removing consumed capacity in DynamoDB's JSON bodies. */
class TestConsumedCapacityJson {
  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void readsTheSingleTableFormAfterAPageOfItems() throws IOException {
    String scan =
        "{\"Items\":[{\"id\":{\"S\":\"a\"},\"ConsumedCapacity\":{\"S\":\"not this\"}},"
            + "{\"id\":{\"S\":\"b\"}}],\"Count\":2,\"ScannedCount\":2,"
            + "\"ConsumedCapacity\":{\"TableName\":\"orders\",\"CapacityUnits\":1.5}}";

    assertEquals(Map.of("orders", 1.5), ConsumedCapacityJson.unitsByTable(bytes(scan)));
  }

  @Test
  void readsTheBatchFormAndTheIndexBreakdown() throws IOException {
    String batch =
        "{\"UnprocessedItems\":{},\"ConsumedCapacity\":["
            + "{\"TableName\":\"a\",\"CapacityUnits\":3.0,\"Table\":{\"CapacityUnits\":2.0},"
            + "\"GlobalSecondaryIndexes\":{\"g\":{\"CapacityUnits\":1.0}}},"
            + "{\"TableName\":\"b\",\"CapacityUnits\":2}]}";

    assertEquals(Map.of("a", 3.0, "b", 2.0), ConsumedCapacityJson.unitsByTable(bytes(batch)));
    assertEquals(
        Map.of("a", 3.0, "b", 2.0),
        ConsumedCapacityJson.unitsByTable(JsonBodies.readObject(bytes(batch))));
  }

  @Test
  void readsNothingFromAnAnswerWithout() throws IOException {
    assertEquals(Map.of(), ConsumedCapacityJson.unitsByTable(bytes("{\"Item\":{}}")));
    assertEquals(Map.of(), ConsumedCapacityJson.unitsByTable(bytes("{}")));
  }

  @Test
  void removesConsumedCapacityAndKeepsEverythingElseAsWritten() throws IOException {
    String answer =
        "{\"Items\":[{\"n\":{\"N\":\"1\"}}],\"Count\":1,"
            + "\"ConsumedCapacity\":{\"TableName\":\"t\",\"CapacityUnits\":0.5},"
            + "\"Measured\":[1795483904.353,0.000,12]}";

    assertEquals(
        "{\"Items\":[{\"n\":{\"N\":\"1\"}}],\"Count\":1,\"Measured\":[1795483904.353,0.000,12]}",
        new String(
            ConsumedCapacityJson.withoutConsumedCapacity(bytes(answer)), StandardCharsets.UTF_8));
  }

  @Test
  void tellsWhetherTheClientAskedAndAsksForTheTotal() throws IOException {
    ObjectNode none = JsonBodies.readObject(bytes("{\"TableName\":\"t\"}"));
    ObjectNode explicitNone = JsonBodies.readObject(bytes("{\"ReturnConsumedCapacity\":\"NONE\"}"));
    ObjectNode total = JsonBodies.readObject(bytes("{\"ReturnConsumedCapacity\":\"TOTAL\"}"));
    ObjectNode indexes = JsonBodies.readObject(bytes("{\"ReturnConsumedCapacity\":\"INDEXES\"}"));

    assertFalse(ConsumedCapacityJson.requested(none));
    assertFalse(ConsumedCapacityJson.requested(explicitNone));
    assertTrue(ConsumedCapacityJson.requested(total));
    assertTrue(ConsumedCapacityJson.requested(indexes));

    ConsumedCapacityJson.requestTotal(none);
    assertEquals(
        "{\"TableName\":\"t\",\"ReturnConsumedCapacity\":\"TOTAL\"}",
        new String(JsonBodies.write(none), StandardCharsets.UTF_8));
  }
}
