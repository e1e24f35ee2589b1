package io.ddbio.mapreduce;

import io.ddbio.scan.ScanPlanner;
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
  private ScanPlanner.SplitPlan plan;

  /** For Hadoop's reflection-based deserialisation. */
  public DynamoDBSplit() {}

  /** The split of one entry of the planner's plan. */
  public DynamoDBSplit(ScanPlanner.SplitPlan plan) {
    int first = plan.firstSegment();
    if (first < 0
        || plan.segmentCount() < 1
        || first + plan.segmentCount() > plan.totalSegments()) {
      throw new IllegalArgumentException(
          "segments "
              + first
              + "+"
              + plan.segmentCount()
              + " do not fit in "
              + plan.totalSegments());
    }
    this.plan = plan;
  }

  public int firstSegment() {
    return plan.firstSegment();
  }

  public int segmentCount() {
    return plan.segmentCount();
  }

  public int totalSegments() {
    return plan.totalSegments();
  }

  /** The read capacity this split's task may consume per second. */
  public double readUnitsPerSecond() {
    return plan.readUnitsPerSecond();
  }

  /** The table's read capacity when planned, which the job's percent applies to. */
  public double tableReadUnits() {
    return plan.tableReadUnits();
  }

  /** The table's average item size when planned, the first guess of a page's cost. */
  public double averageItemBytes() {
    return plan.averageItemBytes();
  }

  @Override
  public long getLength() {
    return plan.estimatedBytes();
  }

  @Override
  public String[] getLocations() {
    return new String[0];
  }

  @Override
  public void write(DataOutput out) throws IOException {
    out.writeInt(plan.firstSegment());
    out.writeInt(plan.segmentCount());
    out.writeInt(plan.totalSegments());
    out.writeDouble(plan.readUnitsPerSecond());
    out.writeDouble(plan.tableReadUnits());
    out.writeDouble(plan.averageItemBytes());
    out.writeLong(plan.estimatedBytes());
  }

  @Override
  public void readFields(DataInput in) throws IOException {
    plan =
        new ScanPlanner.SplitPlan(
            in.readInt(),
            in.readInt(),
            in.readInt(),
            in.readDouble(),
            in.readDouble(),
            in.readDouble(),
            in.readLong());
  }

  /** Equal when planned alike (the plan's doubles compared as {@link Double#compare} does). */
  @Override
  public boolean equals(Object o) {
    return o instanceof DynamoDBSplit s && plan.equals(s.plan);
  }

  @Override
  public int hashCode() {
    return plan.hashCode();
  }

  @Override
  public String toString() {
    int last = plan.firstSegment() + plan.segmentCount() - 1;
    return "segments "
        + plan.firstSegment()
        + ".."
        + last
        + " of "
        + plan.totalSegments()
        + String.format(" at %.1f read units/s", plan.readUnitsPerSecond());
  }
}
