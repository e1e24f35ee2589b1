package io.ddbio.scan;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The pages of a run of consecutive segments, one segment after another: when a segment's scanner
 * is done, the next segment's scanner takes over. Each page says where it stands, for progress.
 *
 * <p>Not thread-safe: called by one thread at a time (a {@link Prefetcher}'s).
 */
public final class SegmentSequence implements Prefetcher.Source<SegmentSequence.Page> {

  /**
   * A page and where the scan stood once it was read.
   *
   * @param items the page's items, possibly none (a filter may drop them all)
   * @param segmentsBefore segments of the run finished before this page's segment
   * @param scannedInSegment items DynamoDB scanned in this page's segment so far
   * @param segmentDone whether this page was its segment's last
   */
  public record Page(
      List<Map<String, AttributeValue>> items,
      int segmentsBefore,
      long scannedInSegment,
      boolean segmentDone) {}

  private final IntFunction<SegmentScanner> scanners;
  private final int firstSegment;
  private final int segmentCount;
  private int segmentsDone;
  private SegmentScanner scanner;

  /**
   * @param scanners makes the scanner of a segment, given its number
   * @param firstSegment the run's first segment
   * @param segmentCount segments in the run, at least 1
   */
  public SegmentSequence(IntFunction<SegmentScanner> scanners, int firstSegment, int segmentCount) {
    if (segmentCount < 1) {
      throw new IllegalArgumentException("segmentCount must be at least 1, was " + segmentCount);
    }
    this.scanners = scanners;
    this.firstSegment = firstSegment;
    this.segmentCount = segmentCount;
  }

  /** Returns the next page of the run, or null once its last segment is done. */
  @Override
  public Page next() throws IOException {
    if (scanner == null) {
      scanner = scanners.apply(firstSegment);
    }
    if (scanner.isDone()) {
      segmentsDone++;
      if (segmentsDone >= segmentCount) {
        return null;
      }
      scanner = scanners.apply(firstSegment + segmentsDone);
    }
    var items = scanner.nextPage();
    return new Page(items, segmentsDone, scanner.scannedCount(), scanner.isDone());
  }
}
