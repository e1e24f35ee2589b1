package io.ddbio.cluster;

import static io.ddbio.cluster.MapConcurrency.mapsThatFit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ddbio.cluster.MapConcurrency.Resources;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class TestMapConcurrency {

  private static Resources node(long mb, long vcores) {
    return new Resources(mb, vcores);
  }

  private static final Resources MAP_1G_1V = new Resources(1024, 1);

  @Test
  void memoryBoundsEachNodeRoundedDown() {
    assertEquals(6, mapsThatFit(List.of(node(3072, 8)), new Resources(512, 1)));
    assertEquals(3, mapsThatFit(List.of(node(3072, 8)), new Resources(1000, 1)));
    assertEquals(2, mapsThatFit(List.of(node(3071, 8)), MAP_1G_1V));
  }

  @Test
  void vcoresDoNotLowerTheCount() {
    // The default calculator places by memory alone: counting by vcores here would say 2 and 4
    // while 6 and 64 maps run, and their first shares would add up to 3 and 16 times the budget.
    assertEquals(6, mapsThatFit(List.of(node(3072, 8)), new Resources(512, 4)));
    assertEquals(64, mapsThatFit(List.of(node(65536, 4)), MAP_1G_1V));
  }

  @Test
  void nodesAddUpEachByItsOwnSize() {
    // Rounding is per node: two nodes of 1.5 maps each hold 2 maps, not 3.
    assertEquals(2, mapsThatFit(List.of(node(1536, 8), node(1536, 8)), MAP_1G_1V));
    // A big node, a small one, one with a single vcore: 12 + 2 + 8.
    assertEquals(
        22, mapsThatFit(List.of(node(12 * 1024, 16), node(2048, 2), node(8192, 1)), MAP_1G_1V));
  }

  @Test
  void notTenPerNodeWhateverTheirSize() {
    // YARN's cluster metrics say 10 per NodeManager: 30 for these three.
    List<Resources> nodes = List.of(node(2048, 2), node(2048, 2), node(2048, 2));
    assertEquals(6, mapsThatFit(nodes, MAP_1G_1V));
    assertEquals(
        96, mapsThatFit(Collections.nCopies(3, node(32 * 1024, 32)), MAP_1G_1V), "or more");
  }

  @Test
  void mapsAskingForMoreVcoresThanANodeHasStillCount() {
    // Maps of 4 vcores on nodes of 2: only a scheduler placing by memory alone runs them at all.
    assertEquals(8, mapsThatFit(List.of(node(4096, 2), node(4096, 2)), new Resources(1024, 4)));
  }

  @Test
  void noneFitsOrNoNodeIsZero() {
    assertEquals(0, mapsThatFit(List.of(), MAP_1G_1V));
    assertEquals(0, mapsThatFit(List.of(node(512, 8)), MAP_1G_1V));
    assertEquals(0, mapsThatFit(List.of(node(0, 0)), MAP_1G_1V));
  }

  @Test
  void aHugeClusterIsCappedNotWrapped() {
    assertEquals(
        Integer.MAX_VALUE,
        mapsThatFit(
            Collections.nCopies(4, node(Long.MAX_VALUE / 8, Long.MAX_VALUE / 8)),
            new Resources(1, 1)));
  }

  @Test
  void aMapAsksForSomething() {
    List<Resources> nodes = List.of(node(4096, 4));
    assertThrows(IllegalArgumentException.class, () -> mapsThatFit(nodes, new Resources(0, 1)));
    assertThrows(IllegalArgumentException.class, () -> mapsThatFit(nodes, new Resources(1024, 0)));
    assertThrows(IllegalArgumentException.class, () -> node(-1, 1));
  }
}
