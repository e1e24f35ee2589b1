package io.ddbio.tool;

import java.util.Locale;
import java.util.OptionalDouble;

/**
 * What a run would do, printed by {@code --plan} before anything is read or written: what it moves,
 * in how many tasks, at what rate and why, the capacity it consumes, how long that takes and what
 * an on-demand table bills for it. The expected duration is what a user sets a pipeline's or step's
 * timeout from: the original Data Pipeline's most common failure was a run that outlived it.
 *
 * @param title e.g. {@code Export of table "Orders" to s3a://bucket/prefix}
 * @param items what the run moves and where the count comes from
 * @param tasks how the work is cut: segments, splits or files, map tasks, tasks at once
 * @param rate the rate the job aims at
 * @param work the capacity the run consumes
 * @param onDemand whether the table bills per request rather than for provisioned capacity
 * @param pricePerMillion the price of a million request units, to print the cost; empty prints none
 */
public record RunPlan(
    String title,
    String items,
    String tasks,
    Rate rate,
    Work work,
    boolean onDemand,
    OptionalDouble pricePerMillion) {

  /**
   * @param direction {@code read} or {@code write}
   * @param unitsPerSecond capacity units per second the whole job aims at
   * @param why where the rate comes from, e.g. {@code 0.5 of the table's 100 provisioned read
   *     units}
   */
  public record Rate(String direction, double unitsPerSecond, String why) {}

  /**
   * @param units capacity units the run consumes in all; empty when they cannot be told
   * @param atLeast whether {@code units} is a lower bound rather than an estimate
   * @param how how they were estimated, or why they cannot be
   */
  public record Work(OptionalDouble units, boolean atLeast, String how) {
    /** An estimate of the units. */
    public static Work about(double units, String how) {
      return new Work(OptionalDouble.of(units), false, how);
    }

    /** A lower bound of the units. */
    public static Work atLeast(double units, String how) {
      return new Work(OptionalDouble.of(units), true, how);
    }

    /** Work that cannot be estimated, for the reason given. */
    public static Work unknown(String why) {
      return new Work(OptionalDouble.empty(), false, why);
    }

    private String approximately() {
      return atLeast ? "at least" : "about";
    }
  }

  /** The seconds the work takes at the rate; empty when either is unknown. */
  public OptionalDouble seconds() {
    if (work.units().isEmpty() || !(rate.unitsPerSecond() > 0)) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(work.units().getAsDouble() / rate.unitsPerSecond());
  }

  /** The plan, one fact per line. */
  public String render() {
    StringBuilder sb = new StringBuilder();
    sb.append("Plan: ").append(title).append(" (no item read or written)\n");
    line(sb, "items", items);
    line(sb, "tasks", tasks);
    line(
        sb,
        "rate",
        String.format(
            Locale.ROOT,
            "%,.1f %s units/s: %s",
            rate.unitsPerSecond(),
            rate.direction(),
            rate.why()));
    String unitName = rate.direction() + (onDemand ? " request units" : " capacity units");
    line(
        sb,
        "capacity",
        work.units().isPresent()
            ? String.format(
                Locale.ROOT,
                "%s %,.0f %s (%s)",
                work.approximately(),
                work.units().getAsDouble(),
                unitName,
                work.how())
            : "unknown: " + work.how());
    OptionalDouble seconds = seconds();
    line(
        sb,
        "duration",
        seconds.isPresent()
            ? work.approximately()
                + " "
                + ProgressLine.duration((long) Math.ceil(seconds.getAsDouble()))
                + " at that rate, besides the job's start and commit"
            : "unknown");
    line(sb, "billed", billing(unitName));
    return sb.toString();
  }

  private String billing(String unitName) {
    if (!onDemand) {
      return "the table's provisioned capacity, by the hour, used or not; the run consumes the"
          + " capacity above out of it";
    }
    if (work.units().isEmpty()) {
      return "per request (on demand); how many cannot be told";
    }
    double units = work.units().getAsDouble();
    StringBuilder sb =
        new StringBuilder(
            String.format(
                Locale.ROOT, "%s %,.0f %s, on demand", work.approximately(), units, unitName));
    pricePerMillion.ifPresent(
        p -> {
          double cost = units / 1_000_000 * p;
          sb.append(String.format(Locale.ROOT, "; at %s a million: ", plain(p)));
          if (cost < 0.01 && !work.atLeast()) {
            sb.append("less than 0.01");
          } else {
            sb.append(work.approximately()).append(String.format(Locale.ROOT, " %,.2f", cost));
          }
        });
    return sb.toString();
  }

  /**
   * {@code 512 B}, {@code 977 KB}, {@code 2.3 GB}: sizes in binary units, as DynamoDB bills them.
   */
  public static String bytes(long bytes) {
    String[] units = {"B", "KB", "MB", "GB", "TB", "PB"};
    double value = bytes;
    int unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return unit == 0 || value >= 100
        ? String.format(Locale.ROOT, "%,.0f %s", value, units[unit])
        : String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
  }

  /** A ratio or price as given: {@code 0.5}, {@code 1}, {@code 1.25}. */
  public static String plain(double d) {
    return d == Math.rint(d) ? String.format(Locale.ROOT, "%.0f", d) : Double.toString(d);
  }

  private static void line(StringBuilder sb, String label, String text) {
    sb.append(String.format(Locale.ROOT, "  %-10s %s%n", label + ":", text));
  }
}
