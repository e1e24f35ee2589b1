package io.ddbio.tool;

import io.ddbio.metrics.DdbioCounter;
import java.time.Duration;
import java.util.Locale;
import java.util.function.ToLongFunction;

/**
 * The short human summary a job prints at its end, from its counters: items, bytes, capacity
 * consumed, throttling, retries, duration and rate.
 *
 * @param title e.g. {@code Export of table "Orders" to s3a://bucket/prefix}
 * @param succeeded whether the job succeeded
 * @param duration wall-clock time of the job
 * @param counters reads a counter's total
 * @param earlierRuns what earlier runs of a resumed job had done (for example {@code 4 of 8 files,
 *     5,000 items}), or null for a job that is not resumed. The counters are this run's alone, so
 *     that a summary's usual lines keep one meaning.
 */
public record JobSummary(
    String title,
    boolean succeeded,
    Duration duration,
    ToLongFunction<DdbioCounter> counters,
    String earlierRuns) {

  /** The summary of a job that is not resumed. */
  public JobSummary(
      String title, boolean succeeded, Duration duration, ToLongFunction<DdbioCounter> counters) {
    this(title, succeeded, duration, counters, null);
  }

  /** The summary, one fact per line. */
  public String render() {
    long read = counters.applyAsLong(DdbioCounter.ITEMS_READ);
    long written = counters.applyAsLong(DdbioCounter.ITEMS_WRITTEN);
    long items = Math.max(read, written);
    double seconds = Math.max(0.001, duration.toMillis() / 1000.0);
    StringBuilder sb = new StringBuilder();
    sb.append(title).append(": ").append(succeeded ? "SUCCEEDED" : "FAILED").append('\n');
    // Only what applies: an export reads, an import reads lines and writes items.
    lineIfAny(sb, "items read", read);
    lineIfAny(sb, "items written", written);
    if (earlierRuns != null) {
      line(sb, "done by earlier runs", "%s", earlierRuns);
    }
    long deleted = counters.applyAsLong(DdbioCounter.ITEMS_DELETED);
    if (deleted > 0) {
      line(sb, "items deleted", "%,d", deleted);
    }
    long expired = counters.applyAsLong(DdbioCounter.ITEMS_EXPIRED);
    if (expired > 0) {
      line(sb, "expired items left out", "%,d", expired);
    }
    long bad = counters.applyAsLong(DdbioCounter.BAD_RECORDS);
    if (bad > 0) {
      line(sb, "bad records set aside", "%,d", bad);
    }
    lineIfAny(sb, "bytes read", counters.applyAsLong(DdbioCounter.BYTES_READ));
    lineIfAny(sb, "bytes written", counters.applyAsLong(DdbioCounter.BYTES_WRITTEN));
    if (counters.applyAsLong(DdbioCounter.READ_CAPACITY_MILLIUNITS) != 0) {
      line(sb, "read capacity", "%,.1f units", units(DdbioCounter.READ_CAPACITY_MILLIUNITS));
    }
    if (counters.applyAsLong(DdbioCounter.WRITE_CAPACITY_MILLIUNITS) != 0) {
      line(sb, "write capacity", "%,.1f units", units(DdbioCounter.WRITE_CAPACITY_MILLIUNITS));
    }
    line(sb, "throttled requests", "%,d", counters.applyAsLong(DdbioCounter.THROTTLED_REQUESTS));
    line(
        sb,
        "retries (5xx, connection)",
        "%,d",
        counters.applyAsLong(DdbioCounter.TRANSIENT_RETRIES));
    line(
        sb,
        "unprocessed items resent",
        "%,d",
        counters.applyAsLong(DdbioCounter.UNPROCESSED_ITEMS_RETRIED));
    line(sb, "duration", "%,.1f s", seconds);
    line(sb, "rate", "%,.0f items/s", items / seconds);
    return sb.toString();
  }

  private double units(DdbioCounter c) {
    return counters.applyAsLong(c) / 1000.0;
  }

  private static void lineIfAny(StringBuilder sb, String label, long value) {
    if (value != 0) {
      line(sb, label, "%,d", value);
    }
  }

  private static void line(StringBuilder sb, String label, String format, Object value) {
    sb.append(String.format(Locale.ROOT, "  %-26s " + format + "%n", label + ":", value));
  }
}
