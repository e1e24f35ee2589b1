package io.ddbio.tool;

import java.util.HashSet;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * {@code --plan [--price-per-million P]}, which both tools take alike: print what the run would do
 * ({@link RunPlan}) and stop before any item is read or written.
 *
 * @param requested whether to print the plan instead of running
 * @param pricePerMillion the price of a million request units, to print an on-demand run's cost; no
 *     price is built in, as prices differ by region and change
 */
public record PlanRequest(boolean requested, OptionalDouble pricePerMillion) {
  /** The flag's name, without {@code --}. */
  public static final String PLAN = "plan";

  /** The price option's name, without {@code --}. */
  public static final String PRICE = "price-per-million";

  /** A run, not a plan. */
  public static final PlanRequest NONE = new PlanRequest(false, OptionalDouble.empty());

  /** A tool's own flags, and this request's. */
  public static Set<String> flagsAnd(String... own) {
    return with(PLAN, own);
  }

  /** A tool's own valued options, and this request's. */
  public static Set<String> valuedAnd(String... own) {
    return with(PRICE, own);
  }

  private static Set<String> with(String name, String... own) {
    Set<String> all = new HashSet<>(List.of(own));
    all.add(name);
    return Set.copyOf(all);
  }

  /**
   * Reads the request from a parsed command line.
   *
   * @throws UsageException for a price that is not a positive number, or a price without {@code
   *     --plan}
   */
  public static PlanRequest from(Arguments a) {
    OptionalDouble price =
        a.option(PRICE)
            .map(
                p ->
                    Arguments.positive(
                        p, "--" + PRICE, " (the price of a million request units, e.g. 0.25)"))
            .map(OptionalDouble::of)
            .orElse(OptionalDouble.empty());
    boolean plan = a.flag(PLAN);
    if (price.isPresent() && !plan) {
      throw new UsageException("--" + PRICE + " is for --" + PLAN + ": a run prints no cost");
    }
    return new PlanRequest(plan, price);
  }
}
