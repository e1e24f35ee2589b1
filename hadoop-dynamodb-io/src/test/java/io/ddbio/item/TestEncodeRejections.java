package io.ddbio.item;

import static io.ddbio.item.Items.item;
import static io.ddbio.item.Items.l;
import static io.ddbio.item.Items.m;
import static io.ddbio.item.Items.s;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The writers refuse what the readers would refuse, so every written line can be read back. */
class TestEncodeRejections {
  private final DataPipelineCodec dataPipeline = new DataPipelineCodec();
  private final DynamoDbJsonCodec dynamoDbJson = new DynamoDbJsonCodec();

  @Test
  void emptySetsNamingTheAttribute() {
    assertRejected(
        item("doc", m("l", l(s("a"), AttributeValue.fromSs(List.of())))),
        "empty set; DynamoDB sets hold at least one member in attribute \"doc.l[1]\"");
    assertRejected(
        item("n", AttributeValue.fromNs(List.of())),
        "empty set; DynamoDB sets hold at least one member in attribute \"n\"");
    assertRejected(
        item("b", AttributeValue.fromBs(List.of())),
        "empty set; DynamoDB sets hold at least one member in attribute \"b\"");
  }

  @Test
  void nullThatIsFalse() {
    assertRejected(
        item("z", AttributeValue.fromNul(false)),
        "NULL value is false; DynamoDB's NULL is always true in attribute \"z\"");
  }

  @Test
  void valuesWithoutType() {
    assertRejected(
        item("a", m("b", AttributeValue.builder().build())),
        "attribute value holds no type in attribute \"a.b\"");
    Map<String, AttributeValue> withNull = new LinkedHashMap<>();
    withNull.put("a", null);
    assertRejected(withNull, "null attribute value in attribute \"a\"");
    assertRejected(
        item("l", AttributeValue.fromL(Arrays.asList(s("x"), null))),
        "null attribute value in attribute \"l[1]\"");
    assertRejected(
        item("s", AttributeValue.fromSs(Arrays.asList("x", null))),
        "null set member in attribute \"s\"");
  }

  @Test
  void emptyItemsAndNames() {
    assertRejected(item(), "empty item (no attributes)");
    assertRejected(item("", s("x")), "empty attribute name");
    // Inside a map an empty name is allowed, as on read.
    assertEquals(
        "{\"m\":{\"m\":{\"\":{\"s\":\"x\"}}}}",
        new String(dataPipeline.encode(item("m", m("", s("x")))), UTF_8));
  }

  @Test
  void nestingBeyondTheParserLimitIsReportedNotCrashed() {
    String deep = "{\"a\":{\"l\":[" + "{\"l\":[".repeat(1100) + "]}".repeat(1100) + "]}}";
    String reason =
        assertThrows(ItemFormatException.class, () -> dataPipeline.decode(deep)).reason();
    assertTrue(reason.startsWith("invalid JSON: "), reason);
    assertTrue(reason.contains("nesting depth"), reason);
  }

  private void assertRejected(Map<String, AttributeValue> item, String reason) {
    assertEquals(
        reason, assertThrows(ItemFormatException.class, () -> dataPipeline.encode(item)).reason());
    assertEquals(
        reason, assertThrows(ItemFormatException.class, () -> dynamoDbJson.encode(item)).reason());
  }
}
