package io.ddbio.scan;

/**
 * A contiguous run of parallel-scan segments, {@code first} to {@code first + count - 1}: the
 * segments one split scans.
 *
 * @param first the first segment, from 0
 * @param count how many segments, at least 1
 */
public record SegmentRange(int first, int count) {

  /**
   * Validates the range.
   *
   * @throws IllegalArgumentException if {@code first} is negative, {@code count} is below 1 or the
   *     range passes {@link Integer#MAX_VALUE}
   */
  public SegmentRange {
    if (first < 0 || count < 1 || first + (long) count > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(
          "segment range needs first >= 0 and count >= 1, was first " + first + ", count " + count);
    }
  }

  /**
   * Returns the segment after the last one in this range.
   *
   * @return {@code first + count}
   */
  public int end() {
    return first + count;
  }
}
