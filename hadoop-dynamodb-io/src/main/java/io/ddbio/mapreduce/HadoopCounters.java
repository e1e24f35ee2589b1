package io.ddbio.mapreduce;

import io.ddbio.metrics.CounterSink;
import io.ddbio.metrics.DdbioCounter;
import java.util.EnumMap;
import org.apache.hadoop.mapreduce.Counter;
import org.apache.hadoop.mapreduce.TaskAttemptContext;

/** Forwards the core's counts to a task's counters, looking each counter up once. */
final class HadoopCounters implements CounterSink {
  private final TaskAttemptContext context;
  private final EnumMap<DdbioCounter, Counter> counters = new EnumMap<>(DdbioCounter.class);

  HadoopCounters(TaskAttemptContext context) {
    this.context = context;
  }

  @Override
  public void add(DdbioCounter counter, long delta) {
    Counter c = counters.computeIfAbsent(counter, context::getCounter);
    if (c != null) {
      c.increment(delta);
    }
  }
}
