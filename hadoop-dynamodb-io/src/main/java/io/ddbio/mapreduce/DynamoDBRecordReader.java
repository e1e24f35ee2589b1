package io.ddbio.mapreduce;

import io.ddbio.capacity.CapacityBudget;
import io.ddbio.config.DdbioOptions;
import io.ddbio.config.ScanOptions;
import io.ddbio.dynamodb.DynamoDBSession;
import io.ddbio.metrics.CounterSink;
import io.ddbio.metrics.DdbioCounter;
import io.ddbio.scan.PageSizer;
import io.ddbio.scan.ScanSpec;
import io.ddbio.scan.SegmentScanner;
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
 * Scans the segments of one {@link DynamoDBSplit} one after another, page by page. Memory is one
 * page; the task's read rate is the split's.
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
  private ScanSpec spec;
  private SegmentScanner scanner;
  private int segment;
  private int segmentsDone;
  private double itemsPerSegment;
  private Iterator<Map<String, AttributeValue>> page = Collections.emptyIterator();

  @Override
  public void initialize(InputSplit inputSplit, TaskAttemptContext context) throws IOException {
    split = (DynamoDBSplit) inputSplit;
    DdbioOptions options = HadoopOptions.from(context.getConfiguration());
    ScanOptions scan = options.scan();
    counters = new HadoopCounters(context);
    session = DynamoDBSession.open(options, counters);
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
    segment = split.firstSegment();
    scanner = newScanner(segment);
  }

  private SegmentScanner newScanner(int s) {
    return new SegmentScanner(
        session.client(),
        session.retrier(),
        budget,
        sizer,
        counters,
        session.clock(),
        spec,
        s,
        split.totalSegments());
  }

  @Override
  public boolean nextKeyValue() throws IOException {
    while (!page.hasNext()) {
      if (scanner.isDone()) {
        segmentsDone++;
        if (segmentsDone >= split.segmentCount()) {
          return false;
        }
        scanner = newScanner(++segment);
      }
      var items = scanner.nextPage();
      counters.add(DdbioCounter.ITEMS_READ, items.size());
      page = items.iterator();
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
   * Segments finished plus the estimated share of the current one; never 1 before the end, since
   * the table's statistics may be hours old.
   */
  @Override
  public float getProgress() {
    if (split == null) {
      return 0;
    }
    if (segmentsDone >= split.segmentCount()) {
      return 1;
    }
    double current =
        itemsPerSegment > 0 ? Math.min(0.99, scanner.scannedCount() / itemsPerSegment) : 0;
    return (float) ((segmentsDone + current) / split.segmentCount());
  }

  @Override
  public void close() throws IOException {
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
