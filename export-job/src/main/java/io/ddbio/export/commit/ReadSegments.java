package io.ddbio.export.commit;

import io.ddbio.scan.SegmentRange;

/**
 * What a task attempt read, recorded when its scan has finished: the segments of its split, and
 * when. Committed with the task's data file ({@link TaskOutput}), it is what a resumed export
 * leaves out of its scan, and what {@code ddbio-export.json} says each run read.
 *
 * @param run the run of the export that read them, from 1; a resumed export's later runs count on
 * @param first the split's first segment
 * @param count how many consecutive segments
 * @param readFrom when the attempt started reading (ISO-8601)
 * @param readTo when it had read its last page (ISO-8601)
 */
public record ReadSegments(int run, int first, int count, String readFrom, String readTo) {

  /** The segments as a range. */
  public SegmentRange range() {
    return new SegmentRange(first, count);
  }
}
