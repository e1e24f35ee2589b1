package io.ddbio.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.BitSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TestSegmentSet {

  @Test
  void textFormJoinsConsecutiveSegmentsIntoRanges() {
    SegmentSet set =
        SegmentSet.of(
            List.of(
                new SegmentRange(0, 10),
                new SegmentRange(10, 5),
                new SegmentRange(20, 1),
                new SegmentRange(22, 3)));
    assertEquals("0-14,20,22-24", set.toString());
    assertEquals(19, set.size());
    assertEquals(25, set.end());
    assertEquals(set, SegmentSet.parse(" 0-14, 20 ,22-24"));
    assertEquals(SegmentSet.empty(), SegmentSet.parse(""));
    assertEquals(SegmentSet.empty(), SegmentSet.parse(null));
  }

  @ParameterizedTest
  @ValueSource(strings = {"a", "3-1", "-2", "1-", "1-b", "0-3,2"})
  void textThatIsNotASetOfSegmentsIsRefused(String text) {
    assertThrows(IllegalArgumentException.class, () -> SegmentSet.parse(text));
  }

  @Test
  void aSegmentInTwoRangesIsRefusedBecauseItWouldBeExportedTwice() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> SegmentSet.of(List.of(new SegmentRange(0, 4), new SegmentRange(3, 2))));
    assertTrue(e.getMessage().contains("segment 3"), e.getMessage());
  }

  @Test
  void missingSegmentsAreTheRestOfTheScan() {
    SegmentSet done = SegmentSet.parse("0-1,5");
    assertEquals(List.of(new SegmentRange(2, 3), new SegmentRange(6, 2)), done.missingFrom(8));
    assertEquals(List.of(), SegmentSet.parse("0-7").missingFrom(8));
    assertThrows(IllegalArgumentException.class, () -> done.missingFrom(5));
  }

  /**
   * Whatever was done, the resumed splits cover exactly the segments not done, each once, each a
   * contiguous range, in order, and there are at most one more split per run of done segments than
   * a scan of the remaining segments would have.
   */
  @Test
  void resumedSplitsCoverExactlyTheSegmentsNotDone() {
    Random random = new Random(7);
    for (int round = 0; round < 300; round++) {
      int total = 1 + random.nextInt(200);
      int max = 1 + random.nextInt(40);
      BitSet doneBits = new BitSet();
      for (int s = 0; s < total; s++) {
        if (random.nextInt(3) == 0) {
          doneBits.set(s);
        }
      }
      SegmentSet done = SegmentSet.parse(asText(doneBits));
      List<SegmentRange> splits = SegmentPlanner.groupIntoSplits(total, max, done);
      String label = total + " segments, at most " + max + " splits, done " + done;

      BitSet covered = new BitSet();
      int previousEnd = 0;
      for (SegmentRange r : splits) {
        assertTrue(r.first() >= previousEnd, label);
        assertTrue(covered.get(r.first(), r.end()).isEmpty(), label);
        covered.set(r.first(), r.end());
        previousEnd = r.end();
      }
      BitSet expected = new BitSet();
      expected.set(0, total);
      expected.andNot(doneBits);
      assertEquals(expected, covered, label);
      int remaining = expected.cardinality();
      int runs = done.ranges().size();
      assertTrue(splits.size() <= Math.min(remaining, max) + runs, label + ": " + splits);
    }
  }

  @Test
  void aScanWithEverySegmentDoneHasNoSplits() {
    assertEquals(List.of(), SegmentPlanner.groupIntoSplits(4, 2, SegmentSet.parse("0-3")));
  }

  private static String asText(BitSet bits) {
    StringBuilder sb = new StringBuilder();
    for (int s = bits.nextSetBit(0); s >= 0; s = bits.nextSetBit(s + 1)) {
      sb.append(sb.length() == 0 ? "" : ",").append(s);
    }
    return sb.toString();
  }
}
