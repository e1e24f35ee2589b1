package io.ddbio.tool;

import java.time.Duration;
import java.util.Locale;

/**
 * The line a tool prints every few seconds while its job runs: items done against the estimate, the
 * rate, the capacity consumed against the target, throttled requests and the time left. Built from
 * the job's counters alone, so that it says the same on YARN and on the LocalJobRunner (whose map
 * percentage goes back and forth as tasks start).
 *
 * @param job what runs, e.g. {@code Export of table "Orders"}
 * @param direction {@code read} or {@code write}, the capacity the job consumes
 * @param expectedItems how many items the job is expected to handle, 0 when unknown; an estimate
 *     (DynamoDB refreshes a table's item count about every six hours)
 * @param targetUnits the capacity units per second the job aims at, 0 when unknown
 */
public record ProgressLine(String job, String direction, long expectedItems, double targetUnits) {

  /**
   * The line for a job that has handled {@code items} in {@code elapsed}, consuming {@code
   * capacityMilliunits} thousandths of a capacity unit, with {@code throttled} requests throttled.
   */
  public String render(long items, Duration elapsed, long capacityMilliunits, long throttled) {
    double seconds = Math.max(elapsed.toMillis(), 1) / 1000.0;
    double rate = items / seconds;
    StringBuilder sb = new StringBuilder(job).append(": ");
    boolean estimated = expectedItems > 0 && items <= expectedItems;
    if (estimated) {
      sb.append(
          String.format(
              Locale.ROOT,
              "%,d of about %,d items (%d%%)",
              items,
              expectedItems,
              Math.min(99, items * 100 / expectedItems)));
    } else {
      sb.append(String.format(Locale.ROOT, "%,d items", items));
    }
    sb.append(String.format(Locale.ROOT, ", %,.0f items/s, ", rate));
    double units = capacityMilliunits / 1000.0 / seconds;
    if (targetUnits > 0) {
      sb.append(String.format(Locale.ROOT, "%,.1f of %,.1f", units, targetUnits));
    } else {
      sb.append(String.format(Locale.ROOT, "%,.1f", units));
    }
    sb.append(' ').append(direction).append(" units/s, ");
    sb.append(String.format(Locale.ROOT, "%,d throttled", throttled));
    if (estimated && rate > 0) {
      sb.append(", about ")
          .append(duration((long) ((expectedItems - items) / rate)))
          .append(" left");
    }
    return sb.toString();
  }

  /** {@code 45 s}, {@code 12 min}, {@code 3 h 05 min}: as precise as a time left can be. */
  static String duration(long seconds) {
    if (seconds < 60) {
      return seconds + " s";
    }
    long minutes = (seconds + 30) / 60;
    if (minutes < 60) {
      return minutes + " min";
    }
    return String.format(Locale.ROOT, "%d h %02d min", minutes / 60, minutes % 60);
  }
}
