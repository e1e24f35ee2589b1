package io.ddbio.item;

import static io.ddbio.item.Items.item;
import static io.ddbio.item.Items.l;
import static io.ddbio.item.Items.m;
import static io.ddbio.item.Items.n;
import static io.ddbio.item.Items.s;
import static io.ddbio.item.Items.ss;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class TestItemNesting {
  private static AttributeValue maps(int containers) {
    AttributeValue v = s("x");
    for (int i = 0; i < containers; i++) {
      v = m("a", v);
    }
    return v;
  }

  @Test
  void theItemIsTheFirstLevelAndEachMapOrListAddsOne() {
    assertEquals(new ItemNesting.Deepest("pk", 1), ItemNesting.of(item("pk", s("a"))));
    assertEquals(1, ItemNesting.of(item("pk", s("a"), "tags", ss("x", "y"))).levels());
    assertEquals(2, ItemNesting.of(item("pk", s("a"), "e", m())).levels());
    assertEquals(2, ItemNesting.of(item("pk", s("a"), "e", l())).levels());
    assertEquals(3, ItemNesting.of(item("pk", s("a"), "e", l(m("k", n("1"))))).levels());
  }

  @Test
  void theDeepestAttributeIsNamed() {
    ItemNesting.Deepest d =
        ItemNesting.of(item("pk", s("a"), "shallow", maps(2), "deep", l(s("x"), maps(4))));
    assertEquals(new ItemNesting.Deepest("deep", 6), d);
  }

  @Test
  void dynamoDbsLimitIs31MapsInsideOneAnotherInAnAttribute() {
    assertEquals(
        ItemNesting.MAX_LEVELS, ItemNesting.of(item("pk", s("a"), "d", maps(31))).levels());
    assertEquals(
        ItemNesting.MAX_LEVELS + 1, ItemNesting.of(item("pk", s("a"), "d", maps(32))).levels());
  }
}
