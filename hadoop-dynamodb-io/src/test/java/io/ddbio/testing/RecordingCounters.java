package io.ddbio.testing;

import io.ddbio.metrics.CounterSink;
import io.ddbio.metrics.DdbioCounter;
import java.util.EnumMap;
import java.util.Map;

/** Keeps what the core reports, for assertions. */
public final class RecordingCounters implements CounterSink {
  private final Map<DdbioCounter, Long> values = new EnumMap<>(DdbioCounter.class);

  @Override
  public synchronized void add(DdbioCounter counter, long delta) {
    values.merge(counter, delta, Long::sum);
  }

  public synchronized long get(DdbioCounter counter) {
    return values.getOrDefault(counter, 0L);
  }
}
