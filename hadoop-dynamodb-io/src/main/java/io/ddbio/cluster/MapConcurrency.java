package io.ddbio.cluster;

import java.util.List;
import java.util.Objects;

/**
 * How many map tasks a cluster runs at once, from what its nodes offer and what one map asks for:
 * on each node, as many maps as its memory holds, added up over the nodes.
 *
 * <p>The count is an upper bound, and meant to be: other jobs, the job's own application master,
 * queue limits and the scheduler rounding a request up to its minimum allocation all leave room for
 * fewer. Counting too many only makes each task's first share of the budget smaller than it could
 * be (the tasks then share the budget among those really running); counting too few would let the
 * first shares add up to more than the budget.
 *
 * <p>Vcores do not lower the count. The CapacityScheduler's default resource calculator ({@code
 * DefaultResourceCalculator}) ignores them and places containers by memory alone; the dominant
 * resource calculator counts them too, and then fewer maps may run than memory holds. The client
 * cannot see which one the ResourceManager uses, and only the memory bound is an upper bound under
 * both: taking the smaller of the two would, under the default calculator, count too few.
 */
public final class MapConcurrency {

  private MapConcurrency() {}

  /**
   * Memory and virtual cores: what a node offers, or what one map task asks for.
   *
   * @param memoryMb megabytes, at least 0 (a node) or 1 (a map)
   * @param vcores virtual cores, at least 0 (a node) or 1 (a map)
   */
  public record Resources(long memoryMb, long vcores) {
    public Resources {
      if (memoryMb < 0 || vcores < 0) {
        throw new IllegalArgumentException(
            "memory and vcores must not be negative, were " + memoryMb + " MB, " + vcores);
      }
    }
  }

  /**
   * Returns how many maps of {@code perMap} the {@code nodes} run at once.
   *
   * @param nodes what each running node offers
   * @param perMap what one map task asks for; memory and vcores at least 1
   * @return the maps that fit, 0 when none does (or there are no nodes), at most {@link
   *     Integer#MAX_VALUE}
   */
  public static int mapsThatFit(List<Resources> nodes, Resources perMap) {
    Objects.requireNonNull(nodes, "nodes");
    Objects.requireNonNull(perMap, "perMap");
    if (perMap.memoryMb() < 1 || perMap.vcores() < 1) {
      throw new IllegalArgumentException(
          "a map asks for at least 1 MB and 1 vcore, was "
              + perMap.memoryMb()
              + " MB, "
              + perMap.vcores());
    }
    long fit = 0;
    for (Resources node : nodes) {
      fit += node.memoryMb() / perMap.memoryMb();
    }
    return (int) Math.min(Integer.MAX_VALUE, fit);
  }
}
