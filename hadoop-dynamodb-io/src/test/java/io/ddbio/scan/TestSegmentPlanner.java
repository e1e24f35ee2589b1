package io.ddbio.scan;

import static io.ddbio.scan.SegmentPlanner.BYTES_PER_SEGMENT;
import static io.ddbio.scan.SegmentPlanner.totalSegments;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TestSegmentPlanner {

  private static final long GIB = 1024L * 1024 * 1024;
  private static final long TIB = 1024 * GIB;

  @Test
  void emptyOrUnknownTableGetsOneSegment() {
    assertEquals(1, totalSegments(0, 0, 1));
    assertEquals(1, totalSegments(1, 0, 1));
  }

  @Test
  void sizeTermRoundsUpToWholeSegments() {
    assertEquals(1, totalSegments(BYTES_PER_SEGMENT, 0, 1));
    assertEquals(2, totalSegments(BYTES_PER_SEGMENT + 1, 0, 1));
    assertEquals(20, totalSegments(10 * GIB, 0, 1));
  }

  @Test
  void hugeTableGetsManySegmentsButNeverMoreThanAMillion() {
    assertEquals(163_840, totalSegments(80 * TIB, 0, 1));
    assertEquals(1_000_000, totalSegments(Long.MAX_VALUE, 0, 1));
  }

  @Test
  void highReadRateGetsEnoughSequentialScanners() {
    assertEquals(40, totalSegments(GIB, 40_000, 1));
    assertEquals(2, totalSegments(0, 1_000.5, 1));
    assertEquals(1, totalSegments(0, 1_000, 1));
    assertEquals(1_000_000, totalSegments(0, 1e15, 1));
  }

  @Test
  void parallelismHintDominatesForSmallTables() {
    assertEquals(64, totalSegments(GIB, 3_000, 64));
    assertEquals(1_000_000, totalSegments(0, 0, Integer.MAX_VALUE));
  }

  @Test
  void largestTermWins() {
    // size says 4, rate says 7, hint says 5
    assertEquals(7, totalSegments(2 * GIB, 6_500, 5));
  }

  @Test
  void rejectsArgumentsOutOfRange() {
    assertThrows(IllegalArgumentException.class, () -> totalSegments(-1, 0, 1));
    assertThrows(IllegalArgumentException.class, () -> totalSegments(0, -1, 1));
    assertThrows(IllegalArgumentException.class, () -> totalSegments(0, Double.NaN, 1));
    assertThrows(
        IllegalArgumentException.class, () -> totalSegments(0, Double.POSITIVE_INFINITY, 1));
    assertThrows(IllegalArgumentException.class, () -> totalSegments(0, 0, 0));
  }

  @Test
  void everySegmentInExactlyOneNearEqualContiguousSplit() {
    int[] totals = {1, 2, 3, 7, 10, 16, 100, 999, 1_000, 1_001, 65_536, 999_999, 1_000_000};
    int[] maxima = {1, 2, 3, 7, 16, 100, 1_000, 999_999, 1_000_000, Integer.MAX_VALUE};
    for (int total : totals) {
      for (int max : maxima) {
        checkGrouping(total, max);
      }
    }
  }

  @Test
  void unevenGroupingPutsTheLargerRangesFirst() {
    assertEquals(
        List.of(new SegmentRange(0, 4), new SegmentRange(4, 3), new SegmentRange(7, 3)),
        SegmentPlanner.groupIntoSplits(10, 3));
  }

  @Test
  void groupingRejectsArgumentsOutOfRange() {
    assertThrows(IllegalArgumentException.class, () -> SegmentPlanner.groupIntoSplits(0, 1));
    assertThrows(
        IllegalArgumentException.class, () -> SegmentPlanner.groupIntoSplits(1_000_001, 1));
    assertThrows(IllegalArgumentException.class, () -> SegmentPlanner.groupIntoSplits(10, 0));
  }

  @Test
  void rangeRejectsEmptyOrNegative() {
    assertThrows(IllegalArgumentException.class, () -> new SegmentRange(-1, 1));
    assertThrows(IllegalArgumentException.class, () -> new SegmentRange(0, 0));
    assertThrows(IllegalArgumentException.class, () -> new SegmentRange(Integer.MAX_VALUE, 1));
    assertEquals(8, new SegmentRange(5, 3).end());
  }

  private static void checkGrouping(int total, int max) {
    String label = total + " segments into at most " + max + " splits";
    List<SegmentRange> ranges = SegmentPlanner.groupIntoSplits(total, max);
    assertEquals(Math.min(total, max), ranges.size(), label);
    // Contiguous from 0 and in order: each range starts where the previous ended, so no segment is
    // missed or repeated, and the last one ends at the total.
    int next = 0;
    int smallest = Integer.MAX_VALUE;
    int largest = 0;
    for (SegmentRange r : ranges) {
      assertEquals(next, r.first(), label);
      next = r.end();
      smallest = Math.min(smallest, r.count());
      largest = Math.max(largest, r.count());
    }
    assertEquals(total, next, label);
    assertTrue(largest - smallest <= 1, label + ": sizes from " + smallest + " to " + largest);
  }
}
