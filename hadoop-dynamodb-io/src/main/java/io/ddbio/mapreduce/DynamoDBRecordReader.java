package io.ddbio.mapreduce;

import io.ddbio.capacity.CapacityBudget;
import io.ddbio.config.DdbioOptions;
import io.ddbio.config.ScanOptions;
import io.ddbio.dynamodb.DynamoDBSession;
import io.ddbio.metrics.CounterSink;
import io.ddbio.metrics.DdbioCounter;
import io.ddbio.metrics.PendingCounters;
import io.ddbio.scan.PageSizer;
import io.ddbio.scan.Prefetcher;
import io.ddbio.scan.ScanSpec;
import io.ddbio.scan.SegmentScanner;
import io.ddbio.scan.SegmentSequence;
import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.Collections;
import java.util.Iterator;
import java.util.Map;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.RecordReader;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Scans the segments of one {@link DynamoDBSplit} one after another, page by page; the task's read
 * rate is the split's.
 *
 * <p>The next page is fetched on a background thread ({@code ddbio-scan-prefetch-<first segment>})
 * while the mapper works on the current one, at most one page ahead: memory is two pages. A failure
 * of that fetch is thrown from {@link #nextKeyValue()} as it was thrown; {@link #close()}
 * interrupts the fetch and waits for the thread to end before it closes the session, even when the
 * task's thread is itself interrupted, and fails if the thread outlives the wait. The fetch thread
 * counts into {@link PendingCounters}, which the task's thread moves to the task's counters with
 * each page and on close.
 */
public class DynamoDBRecordReader extends RecordReader<NullWritable, DynamoDBItemWritable> {
  /** Unused capacity a task may save up: one second, so a pause never turns into a burst. */
  static final Duration BURST = Duration.ofSeconds(1);

  private final DynamoDBItemWritable value = new DynamoDBItemWritable();
  private DynamoDBSplit split;
  private DynamoDBSession session;
  private Closeable sharing = () -> {};
  private CapacityBudget budget;
  private PageSizer sizer;
  private CounterSink counters;
  private final PendingCounters fetchCounters = new PendingCounters();
  private ScanSpec spec;
  private Prefetcher<SegmentSequence.Page> pages;
  private SegmentSequence.Page current;
  private boolean ended;
  private double itemsPerSegment;
  private Iterator<Map<String, AttributeValue>> page = Collections.emptyIterator();

  @Override
  public void initialize(InputSplit inputSplit, TaskAttemptContext context) throws IOException {
    split = (DynamoDBSplit) inputSplit;
    DdbioOptions options = HadoopOptions.from(context.getConfiguration());
    ScanOptions scan = options.scan();
    counters = new HadoopCounters(context);
    // The scan's waits run on the prefetch thread; their heartbeats keep the task alive.
    session = DynamoDBSession.open(options, fetchCounters, context::progress);
    budget =
        new CapacityBudget(split.readUnitsPerSecond(), BURST, session.clock(), session.sleeper());
    sharing =
        BudgetSharing.start(
            context,
            options,
            scan.throughput(),
            budget,
            BudgetSharing.Direction.READ,
            scan.table(),
            split.tableReadUnits(),
            session);
    sizer = new PageSizer(scan.pageLimit(), split.averageItemBytes(), scan.consistentRead());
    spec = ScanSpec.of(scan);
    itemsPerSegment =
        split.getLength() / Math.max(1.0, split.averageItemBytes()) / split.segmentCount();
    pages =
        new Prefetcher<>(
            new SegmentSequence(this::newScanner, split.firstSegment(), split.segmentCount()),
            "ddbio-scan-prefetch-" + split.firstSegment());
  }

  private SegmentScanner newScanner(int s) {
    return new SegmentScanner(
        session.client(),
        session.retrier(),
        budget,
        sizer,
        fetchCounters,
        session.clock(),
        spec,
        s,
        split.totalSegments());
  }

  @Override
  public boolean nextKeyValue() throws IOException {
    while (!page.hasNext()) {
      if (ended) {
        return false;
      }
      SegmentSequence.Page next;
      try {
        next = pages.next();
      } finally {
        fetchCounters.drainTo(counters);
      }
      if (next == null) {
        ended = true;
        return false;
      }
      current = next;
      counters.add(DdbioCounter.ITEMS_READ, next.items().size());
      page = next.items().iterator();
    }
    value.set(page.next());
    return true;
  }

  @Override
  public NullWritable getCurrentKey() {
    return NullWritable.get();
  }

  @Override
  public DynamoDBItemWritable getCurrentValue() {
    return value;
  }

  /**
   * Segments finished plus the estimated share of the current one, as of the page the mapper is on
   * (not the one fetched ahead); never 1 before the end, since the table's statistics may be hours
   * old.
   */
  @Override
  public float getProgress() {
    if (split == null) {
      return 0;
    }
    if (ended) {
      return 1;
    }
    SegmentSequence.Page at = current;
    if (at == null) {
      return 0;
    }
    double share =
        at.segmentDone()
            ? 1
            : itemsPerSegment > 0 ? Math.min(0.99, at.scannedInSegment() / itemsPerSegment) : 0;
    return (float) Math.min(0.99, (at.segmentsBefore() + share) / split.segmentCount());
  }

  @Override
  public void close() throws IOException {
    try {
      // First the fetch thread, which uses the session.
      if (pages != null) {
        pages.close();
        pages = null;
      }
    } finally {
      // Even when the fetch thread would not stop: what it counted so far is the task's.
      try {
        if (counters != null) {
          fetchCounters.drainTo(counters);
        }
      } finally {
        closeSharingAndSession();
      }
    }
  }

  private void closeSharingAndSession() throws IOException {
    try {
      sharing.close();
    } finally {
      if (session != null) {
        session.close();
        session = null;
      }
    }
  }
}
