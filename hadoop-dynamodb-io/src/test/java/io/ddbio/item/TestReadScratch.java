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
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Decoding reuses builders and containers from line to line on the same thread ({@link
 * ReadScratch}); these lines check that nothing leaks from one value or line into the next.
 */
class TestReadScratch {
  private final DataPipelineCodec codec = new DataPipelineCodec();

  @Test
  void everyTypeTwiceInOneLineKeepsEachValuesType() {
    Map<String, AttributeValue> expected =
        item(
            "s1",
            s("x"),
            "n1",
            n("1"),
            "b1",
            b(1),
            "ss1",
            ss("a"),
            "ns1",
            ns("2"),
            "bs1",
            AttributeValue.fromBs(List.of(bytes(3))),
            "m1",
            m("k", s("v")),
            "l1",
            l(n("4"), s("y")),
            "t",
            bool(true),
            "z",
            nul(),
            "s2",
            s("w"),
            "n2",
            n("5"),
            "b2",
            b(6),
            "ss2",
            ss("c", "d"),
            "ns2",
            ns("7", "8"),
            "bs2",
            AttributeValue.fromBs(List.of(bytes(9), bytes(10))),
            "m2",
            m("k", n("11"), "j", m()),
            "l2",
            l(),
            "f",
            bool(false));
    assertRoundTrip(expected);
    assertRoundTrip(expected);
  }

  @Test
  void aLineThatFailsDeepInsideLeavesNothingForTheNextLine() {
    Map<String, AttributeValue> good =
        item("a", m("b", l(m("c", ss("p", "q")), n("1"))), "d", s("e"));
    assertRoundTrip(good);
    assertThrows(
        ItemFormatException.class,
        () ->
            codec.decode(
                "{\"a\":{\"m\":{\"b\":{\"l\":[{\"m\":{\"c\":{\"sS\":[\"p\",\"p\"]}}}]}}}}"));
    assertThrows(
        ItemFormatException.class,
        () -> codec.decode("{\"a\":{\"m\":{\"b\":{\"l\":[{\"m\":{\"c\":{\"s\":\"x\"},"));
    assertRoundTrip(good);
    assertRoundTrip(item("x", s("y")));
  }

  @Test
  void wideNestedMapsKeepOrderAndFindDuplicatesPastTheLinearScan() {
    Map<String, AttributeValue> wide = new LinkedHashMap<>();
    for (int i = 0; i < 40; i++) {
      wide.put("k" + (39 - i), n(Integer.toString(i)));
    }
    assertRoundTrip(item("w", AttributeValue.fromM(wide), "after", s("x")));

    StringBuilder line = new StringBuilder("{\"w\":{\"m\":{");
    for (int i = 0; i < 30; i++) {
      line.append("\"k").append(i).append("\":{\"n\":\"").append(i).append("\"},");
    }
    line.append("\"k25\":{\"n\":\"0\"}}}}");
    ItemFormatException e =
        assertThrows(ItemFormatException.class, () -> codec.decode(line.toString()));
    assertEquals("duplicate attribute name \"k25\" in attribute \"w\"", e.getMessage());
  }

  @Test
  void largeContainersAreReadWholeAndSmallOnesAfterThem() {
    List<AttributeValue> elements = new ArrayList<>();
    List<String> members = new ArrayList<>();
    Map<String, AttributeValue> fields = new LinkedHashMap<>();
    for (int i = 0; i < 3000; i++) {
      elements.add(n(Integer.toString(i)));
      members.add("m" + i);
      fields.put("f" + i, s("v" + i));
    }
    assertRoundTrip(
        item(
            "l", AttributeValue.fromL(elements),
            "ss", AttributeValue.fromSs(members),
            "m", AttributeValue.fromM(fields)));
    assertRoundTrip(item("l", l(n("1")), "ss", ss("a"), "m", m("f", s("v"))));
  }

  private void assertRoundTrip(Map<String, AttributeValue> item) {
    byte[] line = codec.encode(item);
    Map<String, AttributeValue> read = codec.decode(line, 0, line.length);
    assertEquals(item, read);
    item.forEach((name, value) -> assertEquals(value.type(), read.get(name).type(), name));
    // Equal lines mean equal order too, at every depth (map equality ignores order).
    assertArrayEquals(line, codec.encode(read));
  }
}
