package io.ddbio.scan;

import java.util.ArrayList;
import java.util.List;

/**
 * Split arithmetic for a parallel scan: how many segments ({@code TotalSegments}) to cut a table
 * into, and how to hand them out to splits. Pure arithmetic; no calls to DynamoDB.
 */
public final class SegmentPlanner {

  /**
   * Table bytes per segment: 512 MiB. A segment is the unit of progress that survives a failed task
   * (a retried task rescans its segments from the start) and the granularity of splits, so it
   * should be small enough to redo cheaply and to balance load across tasks, and large enough that
   * a big table does not need more than the service's 1,000,000 segments (512 MiB × 1,000,000 ≈ 488
   * TiB).
   */
  public static final long BYTES_PER_SEGMENT = 512L * 1024 * 1024;

  /**
   * Read capacity per second one segment's sequential scan is assumed to sustain: 1,000 units. A
   * Scan page holds at most 1 MB, which costs at most 128 units read eventually consistent (1 MB /
   * 4 KB × ½); one scanner, one request at a time and decoding and writing each page before the
   * next, manages roughly 8 to 15 pages a second, so 1,000 to 2,000 units. The low end is chosen
   * because too few segments would cap the job below the rate it may use, while a few segments too
   * many cost almost nothing.
   */
  public static final double UNITS_PER_SEGMENT = 1_000;

  /** The fewest segments: 1. */
  public static final int MIN_SEGMENTS = 1;

  /** The most segments DynamoDB's {@code TotalSegments} allows: 1,000,000. */
  public static final int MAX_SEGMENTS = 1_000_000;

  private SegmentPlanner() {}

  /**
   * Returns how many segments to scan a table in:
   *
   * <pre>
   * segments = max(ceil(tableSizeBytes / BYTES_PER_SEGMENT),
   *                ceil(readUnitsPerSecond / UNITS_PER_SEGMENT),
   *                parallelismHint)
   * </pre>
   *
   * clamped to [{@link #MIN_SEGMENTS}, {@link #MAX_SEGMENTS}]. The first term keeps segments small
   * enough to redo and balance; the second gives enough sequential scanners to reach the read rate;
   * the third gives every task slot in the cluster some work.
   *
   * @param tableSizeBytes the table's size as {@code DescribeTable} reports it (refreshed only
   *     every few hours, and 0 for a new table); 0 when unknown
   * @param readUnitsPerSecond the read rate the whole job may use (capacity × percent); 0 when
   *     unknown
   * @param parallelismHint how many tasks the cluster can run at once; at least 1
   * @return the number of segments, from 1 to 1,000,000
   * @throws IllegalArgumentException if an argument is negative or not a number, or the hint is
   *     below 1
   */
  public static int totalSegments(
      long tableSizeBytes, double readUnitsPerSecond, int parallelismHint) {
    if (tableSizeBytes < 0) {
      throw new IllegalArgumentException(
          "table size must be 0 (unknown) or more bytes, was " + tableSizeBytes);
    }
    if (!(readUnitsPerSecond >= 0) || Double.isInfinite(readUnitsPerSecond)) {
      throw new IllegalArgumentException(
          "read rate must be 0 (unknown) or more units per second, was " + readUnitsPerSecond);
    }
    if (parallelismHint < 1) {
      throw new IllegalArgumentException(
          "parallelism hint must be at least 1, was " + parallelismHint);
    }
    long bySize =
        tableSizeBytes / BYTES_PER_SEGMENT + (tableSizeBytes % BYTES_PER_SEGMENT == 0 ? 0 : 1);
    // Clamped as a double first, so that an enormous rate cannot overflow the conversion.
    long byRate = (long) Math.min(Math.ceil(readUnitsPerSecond / UNITS_PER_SEGMENT), MAX_SEGMENTS);
    long segments = Math.max(Math.max(bySize, byRate), parallelismHint);
    return (int) Math.max(MIN_SEGMENTS, Math.min(segments, MAX_SEGMENTS));
  }

  /**
   * Hands segments {@code 0 … totalSegments-1} out to {@code min(totalSegments, maxSplits)} splits:
   * each split gets a contiguous range, every segment is in exactly one, in order, and sizes differ
   * by at most one (the larger ranges come first).
   *
   * @param totalSegments from 1 to {@link #MAX_SEGMENTS}
   * @param maxSplits the most splits wanted; at least 1
   * @return the ranges, in segment order; immutable
   * @throws IllegalArgumentException if an argument is out of range
   */
  public static List<SegmentRange> groupIntoSplits(int totalSegments, int maxSplits) {
    if (totalSegments < MIN_SEGMENTS || totalSegments > MAX_SEGMENTS) {
      throw new IllegalArgumentException(
          "total segments must be from "
              + MIN_SEGMENTS
              + " to "
              + MAX_SEGMENTS
              + ", was "
              + totalSegments);
    }
    if (maxSplits < 1) {
      throw new IllegalArgumentException("max splits must be at least 1, was " + maxSplits);
    }
    int splits = Math.min(totalSegments, maxSplits);
    int smallSize = totalSegments / splits;
    int largeCount = totalSegments % splits; // this many splits take one segment more
    List<SegmentRange> ranges = new ArrayList<>(splits);
    int first = 0;
    for (int i = 0; i < splits; i++) {
      int count = i < largeCount ? smallSize + 1 : smallSize;
      ranges.add(new SegmentRange(first, count));
      first += count;
    }
    return List.copyOf(ranges);
  }

  /**
   * Hands out the segments a resumed scan has still to read: those of {@code 0 … totalSegments-1}
   * not in {@code done}. They are grouped as {@link #groupIntoSplits(int, int)} groups a scan of
   * that many segments, then a group that spans segments read already is cut there, so that every
   * split stays a contiguous range. That makes at most one split more per run of segments read.
   *
   * @return the ranges, in segment order; empty when every segment is done; immutable
   * @throws IllegalArgumentException if an argument is out of range or {@code done} holds a segment
   *     outside the scan
   */
  public static List<SegmentRange> groupIntoSplits(
      int totalSegments, int maxSplits, SegmentSet done) {
    if (done.isEmpty()) {
      return groupIntoSplits(totalSegments, maxSplits);
    }
    groupIntoSplits(totalSegments, maxSplits); // checks the arguments
    List<SegmentRange> left = done.missingFrom(totalSegments);
    int remaining = left.stream().mapToInt(SegmentRange::count).sum();
    if (remaining == 0) {
      return List.of();
    }
    List<SegmentRange> ranges = new ArrayList<>();
    int run = 0;
    int next = left.get(0).first();
    for (SegmentRange group : groupIntoSplits(remaining, maxSplits)) {
      int wanted = group.count();
      while (wanted > 0) {
        SegmentRange r = left.get(run);
        int take = Math.min(wanted, r.end() - next);
        ranges.add(new SegmentRange(next, take));
        wanted -= take;
        next += take;
        if (next == r.end() && ++run < left.size()) {
          next = left.get(run).first();
        }
      }
    }
    return List.copyOf(ranges);
  }
}
