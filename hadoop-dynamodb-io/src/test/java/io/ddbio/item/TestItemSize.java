package io.ddbio.item;

import static io.ddbio.item.Items.b;
import static io.ddbio.item.Items.bool;
import static io.ddbio.item.Items.bytes;
import static io.ddbio.item.Items.item;
import static io.ddbio.item.Items.l;
import static io.ddbio.item.Items.m;
import static io.ddbio.item.Items.n;
import static io.ddbio.item.Items.ns;
import static io.ddbio.item.Items.nul;
import static io.ddbio.item.Items.s;
import static io.ddbio.item.Items.ss;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class TestItemSize {
  @Test
  void stringsCountUtf8BytesOfNameAndValue() {
    assertEquals(2 + 3, ItemSize.of(item("pk", s("abc"))));
    assertEquals(4 + 5, ItemSize.of(item("name", s("café"))));
    assertEquals(3 + 1 + 4, ItemSize.of(item("東", s("x😀"))));
    assertEquals(1, ItemSize.of(item("e", s(""))));
  }

  @Test
  void numbersCountTwoDigitsPerByteAndOneMore() {
    assertEquals(1 + 3, ItemSize.of(item("n", n("123"))));
    assertEquals(1 + 2, ItemSize.of(item("n", n("100"))));
    assertEquals(1 + 2, ItemSize.of(item("n", n("0.0012"))));
    assertEquals(1 + 1, ItemSize.of(item("n", n("0"))));
    assertEquals(1 + 20, ItemSize.of(item("n", n("-12345678901234567890123456789012345678"))));
  }

  @Test
  void binaryCountsRawBytes() {
    assertEquals(1 + 3, ItemSize.of(item("b", b(0, 1, 2))));
    assertEquals(1, ItemSize.of(item("b", b())));
  }

  @Test
  void setsSumTheirMembers() {
    assertEquals(2 + 3, ItemSize.of(item("ss", ss("a", "bc"))));
    assertEquals(2 + 2 + 2, ItemSize.of(item("ns", ns("1", "22"))));
    assertEquals(
        2 + 3, ItemSize.of(item("bs", AttributeValue.fromBs(List.of(bytes(1), bytes(2, 3))))));
  }

  @Test
  void mapsAndListsCostThreeBytesPlusOnePerElement() {
    assertEquals(1 + 3, ItemSize.of(item("m", m())));
    assertEquals(1 + 3, ItemSize.of(item("l", l())));
    assertEquals(1 + 3 + (1 + 1 + 1), ItemSize.of(item("m", m("k", s("v")))));
    assertEquals(1 + 3 + (1 + 1) + (1 + 2), ItemSize.of(item("l", l(s("a"), n("1")))));
    assertEquals(1 + 3 + (1 + 1 + 3 + (1 + 1)), ItemSize.of(item("m", m("k", l(bool(true))))));
  }

  @Test
  void booleansAndNullsAreOneByte() {
    assertEquals(1 + 1 + 1 + 1, ItemSize.of(item("t", bool(true), "z", nul())));
  }

  @Test
  void anItemSumsItsAttributes() {
    // pk:2+6, sk:2+2, tags:4+2, doc:3+(3+(1+2+1)+(1+1+1))
    assertEquals(
        8 + 4 + 6 + 13,
        ItemSize.of(
            item(
                "pk",
                s("user#1"),
                "sk",
                n("1"),
                "tags",
                ss("a", "b"),
                "doc",
                m("ok", bool(true), "z", nul()))));
  }

  @Test
  void anUnpairedSurrogateCountsThreeBytes() {
    assertEquals(1 + 3, ItemSize.of(item("s", s("\uD83D"))));
  }

  @Test
  void aValueWithoutTypeIsRejected() {
    assertThrows(
        ItemFormatException.class, () -> ItemSize.of(item("x", AttributeValue.builder().build())));
  }
}
