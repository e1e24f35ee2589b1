package io.ddbio.mapreduce;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import org.apache.hadoop.io.Writable;
import org.apache.hadoop.mapreduce.InputSplit;

/**
 * A contiguous range of parallel-scan segments, with the read budget of the task that scans it. The
 * budget travels in the split because it is planned once, when the job is submitted, from the
 * table's capacity and how many tasks run at once.
 */
public final class DynamoDBSplit extends InputSplit implements Writable {
  private int firstSegment;
  private int segmentCount;
  private int totalSegments;
  private double readUnitsPerSecond;
  private double tableReadUnits;
  private double averageItemBytes;
  private long estimatedBytes;

  /** For Hadoop's reflection-based deserialisation. */
  public DynamoDBSplit() {}

  public DynamoDBSplit(
      int firstSegment,
      int segmentCount,
      int totalSegments,
      double readUnitsPerSecond,
      double tableReadUnits,
      double averageItemBytes,
      long estimatedBytes) {
    if (firstSegment < 0 || segmentCount < 1 || firstSegment + segmentCount > totalSegments) {
      throw new IllegalArgumentException(
          "segments " + firstSegment + "+" + segmentCount + " do not fit in " + totalSegments);
    }
    this.firstSegment = firstSegment;
    this.segmentCount = segmentCount;
    this.totalSegments = totalSegments;
    this.readUnitsPerSecond = readUnitsPerSecond;
    this.tableReadUnits = tableReadUnits;
    this.averageItemBytes = averageItemBytes;
    this.estimatedBytes = estimatedBytes;
  }

  public int firstSegment() {
    return firstSegment;
  }

  public int segmentCount() {
    return segmentCount;
  }

  public int totalSegments() {
    return totalSegments;
  }

  /** The read capacity this split's task may consume per second. */
  public double readUnitsPerSecond() {
    return readUnitsPerSecond;
  }

  /** The table's read capacity when planned, which the job's percent applies to. */
  public double tableReadUnits() {
    return tableReadUnits;
  }

  /** The table's average item size when planned, the first guess of a page's cost. */
  public double averageItemBytes() {
    return averageItemBytes;
  }

  @Override
  public long getLength() {
    return estimatedBytes;
  }

  @Override
  public String[] getLocations() {
    return new String[0];
  }

  @Override
  public void write(DataOutput out) throws IOException {
    out.writeInt(firstSegment);
    out.writeInt(segmentCount);
    out.writeInt(totalSegments);
    out.writeDouble(readUnitsPerSecond);
    out.writeDouble(tableReadUnits);
    out.writeDouble(averageItemBytes);
    out.writeLong(estimatedBytes);
  }

  @Override
  public void readFields(DataInput in) throws IOException {
    firstSegment = in.readInt();
    segmentCount = in.readInt();
    totalSegments = in.readInt();
    readUnitsPerSecond = in.readDouble();
    tableReadUnits = in.readDouble();
    averageItemBytes = in.readDouble();
    estimatedBytes = in.readLong();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DynamoDBSplit s
        && firstSegment == s.firstSegment
        && segmentCount == s.segmentCount
        && totalSegments == s.totalSegments
        && Double.compare(readUnitsPerSecond, s.readUnitsPerSecond) == 0
        && Double.compare(tableReadUnits, s.tableReadUnits) == 0
        && Double.compare(averageItemBytes, s.averageItemBytes) == 0
        && estimatedBytes == s.estimatedBytes;
  }

  @Override
  public int hashCode() {
    return (firstSegment * 31 + segmentCount) * 31 + totalSegments;
  }

  @Override
  public String toString() {
    int last = firstSegment + segmentCount - 1;
    return "segments "
        + firstSegment
        + ".."
        + last
        + " of "
        + totalSegments
        + String.format(" at %.1f read units/s", readUnitsPerSecond);
  }
}
