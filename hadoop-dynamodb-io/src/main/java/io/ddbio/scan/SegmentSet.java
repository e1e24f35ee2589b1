package io.ddbio.scan;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.List;

/**
 * A set of parallel-scan segments of one scan, for the segments a resumed export has read already.
 * Its text form is short whatever the scan's size, because the segments of a split are contiguous:
 * inclusive ranges and single segments separated by commas ({@code 0-46,94,101-140}), so a plan
 * carries it in one configuration value.
 */
public final class SegmentSet {
  private final BitSet segments;

  private SegmentSet(BitSet segments) {
    this.segments = segments;
  }

  /** No segment. */
  public static SegmentSet empty() {
    return new SegmentSet(new BitSet());
  }

  /**
   * The segments of {@code ranges}.
   *
   * @throws IllegalArgumentException when two ranges share a segment: a segment read twice would be
   *     exported twice
   */
  public static SegmentSet of(Collection<SegmentRange> ranges) {
    BitSet bits = new BitSet();
    for (SegmentRange r : ranges) {
      int shared = bits.get(r.first(), r.end()).nextSetBit(0);
      if (shared >= 0) {
        throw new IllegalArgumentException(
            "segment " + (r.first() + shared) + " is in two ranges of the set");
      }
      bits.set(r.first(), r.end());
    }
    return new SegmentSet(bits);
  }

  /**
   * Reads the text form; blank is the empty set.
   *
   * @throws IllegalArgumentException naming the part that is not a segment or an ascending range
   */
  public static SegmentSet parse(String text) {
    List<SegmentRange> ranges = new ArrayList<>();
    if (text != null && !text.isBlank()) {
      for (String part : text.split(",")) {
        String p = part.trim();
        int dash = p.indexOf('-', 1);
        try {
          int first = Integer.parseInt(dash < 0 ? p : p.substring(0, dash));
          int last = dash < 0 ? first : Integer.parseInt(p.substring(dash + 1));
          if (last < first) {
            throw new IllegalArgumentException("segment range " + p + " runs backwards");
          }
          ranges.add(new SegmentRange(first, last - first + 1));
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(
              "\"" + p + "\" is not a segment or a range of segments (like 0-46)", e);
        }
      }
    }
    return of(ranges);
  }

  /** How many segments. */
  public int size() {
    return segments.cardinality();
  }

  public boolean isEmpty() {
    return segments.isEmpty();
  }

  /** The highest segment plus one, 0 for the empty set. */
  public int end() {
    return segments.length();
  }

  /** The set as maximal runs of consecutive segments, in order. */
  public List<SegmentRange> ranges() {
    List<SegmentRange> ranges = new ArrayList<>();
    for (int first = segments.nextSetBit(0); first >= 0; ) {
      int end = segments.nextClearBit(first);
      ranges.add(new SegmentRange(first, end - first));
      first = segments.nextSetBit(end);
    }
    return ranges;
  }

  /** The segments of a scan of {@code totalSegments} that are not in this set, as runs. */
  public List<SegmentRange> missingFrom(int totalSegments) {
    if (end() > totalSegments) {
      throw new IllegalArgumentException(
          "segment " + (end() - 1) + " is not in a scan of " + totalSegments + " segments");
    }
    BitSet missing = new BitSet();
    missing.set(0, totalSegments);
    missing.andNot(segments);
    return new SegmentSet(missing).ranges();
  }

  /** The text form {@link #parse} reads. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    for (SegmentRange r : ranges()) {
      if (sb.length() > 0) {
        sb.append(',');
      }
      sb.append(r.first());
      if (r.count() > 1) {
        sb.append('-').append(r.end() - 1);
      }
    }
    return sb.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SegmentSet s && segments.equals(s.segments);
  }

  @Override
  public int hashCode() {
    return segments.hashCode();
  }
}
