package io.ddbio.tool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TestTableNames {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Orders",
        "a.b",
        "my_table-2026.01",
        "arn:aws:dynamodb:eu-west-1:123456789012:table/Orders",
        "arn:aws-cn:dynamodb:cn-north-1:123456789012:table/Orders_v2"
      })
  void namesAndArnsDynamoDbTakes(String name) {
    assertEquals(name, TableNames.check(name, "<table>"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "NT",
        "Orders Table",
        "orders/2026",
        "table$",
        "arn:aws:dynamodb:eu-west-1:123456789012:table/X",
        "arn:aws:dynamodb:eu-west-1:1234:table/Orders"
      })
  void othersFailNamingTheValueAndTheRule(String name) {
    String m =
        assertThrows(UsageException.class, () -> TableNames.check(name, "<table>")).getMessage();
    assertTrue(m.startsWith("<table> \"" + name + "\" is not a DynamoDB table name: 3 to 255"), m);
  }

  @ParameterizedTest
  @ValueSource(ints = {255, 256})
  void atMost255Characters(int length) {
    String name = "t".repeat(length);
    if (length <= 255) {
      assertEquals(name, TableNames.check(name, "<table>"));
    } else {
      assertThrows(UsageException.class, () -> TableNames.check(name, "<table>"));
    }
  }

  @Test
  void aListIsSplitAtCommasInOrder() {
    assertEquals(List.of("Orders"), TableNames.checkList("Orders", "<table>"));
    assertEquals(
        List.of("Orders", "Customers", "arn:aws:dynamodb:eu-west-1:123456789012:table/Items"),
        TableNames.checkList(
            "Orders, Customers ,arn:aws:dynamodb:eu-west-1:123456789012:table/Items", "<table>"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"Orders,", ",Orders", "Orders,,Items", "Orders, ,Items"})
  void anEmptyElementIsRefused(String list) {
    String m =
        assertThrows(UsageException.class, () -> TableNames.checkList(list, "<table>"))
            .getMessage();
    assertTrue(m.contains("has an empty name"), m);
    assertTrue(m.contains(list), m);
  }

  @Test
  void aTableNamedTwiceIsRefused() {
    String m =
        assertThrows(
                UsageException.class, () -> TableNames.checkList("Orders,Items,Orders", "<table>"))
            .getMessage();
    assertTrue(m.contains("names table \"Orders\" twice"), m);
    String arn = "arn:aws:dynamodb:eu-west-1:123456789012:table/Orders";
    m =
        assertThrows(UsageException.class, () -> TableNames.checkList("Orders," + arn, "<table>"))
            .getMessage();
    assertTrue(m.contains("twice (\"Orders\" and \"" + arn + "\")"), m);
  }

  @Test
  void eachElementMeetsTheNameRule() {
    String m =
        assertThrows(UsageException.class, () -> TableNames.checkList("Orders,NT", "<table>"))
            .getMessage();
    assertTrue(m.startsWith("<table> \"NT\" is not a DynamoDB table name"), m);
  }
}
