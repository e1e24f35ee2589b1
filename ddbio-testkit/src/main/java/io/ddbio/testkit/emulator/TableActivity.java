package io.ddbio.testkit.emulator;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * What one table does from a moment on: the seconds of its timeline after the last one active when
 * watching began, so that a job's seconds are told apart from an earlier job's on the same table.
 */
public final class TableActivity {
  private static final long POLL_MILLIS = 50;

  private final CapacityEmulator emulator;
  private final String table;
  private final long after;

  private TableActivity(CapacityEmulator emulator, String table, long after) {
    this.emulator = emulator;
    this.table = table;
    this.after = after;
  }

  /**
   * Starts watching {@code table} from now. Start before the job, and at least a second after the
   * table's last activity, so that no second holds both.
   */
  public static TableActivity from(CapacityEmulator emulator, String table) {
    List<TableStats.Second> timeline = emulator.stats(Objects.requireNonNull(table)).timeline();
    long last = timeline.isEmpty() ? -1 : timeline.get(timeline.size() - 1).second();
    return new TableActivity(emulator, table, last);
  }

  /**
   * The table's seconds since watching began, consecutive, from the first with a request; empty
   * until then. The timeline has no gaps, so the quiet seconds between an earlier job and this one
   * are in it as zeros: they are left out.
   */
  public List<TableStats.Second> seconds() {
    List<TableStats.Second> since =
        Consumption.between(emulator.stats(table).timeline(), after + 1, Long.MAX_VALUE);
    int first = 0;
    while (first < since.size() && since.get(first).requests() == 0) {
      first++;
    }
    return since.subList(first, since.size());
  }

  /**
   * Waits until the table has consumed {@code units} since watching began, looking every {@value
   * #POLL_MILLIS} ms, and returns the second it is in then.
   *
   * @param job the job doing the consuming: its end ends the wait
   * @throws IllegalStateException if the job ends or {@code timeout} passes first
   */
  public long awaitUnits(
      Consumption.Direction direction, double units, Future<?> job, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!job.isDone() && System.nanoTime() < deadline) {
      List<TableStats.Second> seconds = seconds();
      double consumed = Consumption.over(seconds, direction, s -> 0).units();
      if (consumed >= units) {
        return seconds.get(seconds.size() - 1).second();
      }
      TimeUnit.MILLISECONDS.sleep(POLL_MILLIS);
    }
    throw new IllegalStateException(
        table
            + " did not consume "
            + units
            + " "
            + direction
            + " units before "
            + (job.isDone() ? "the job ended" : timeout + " passed"));
  }
}
