package io.ddbio.export;

import io.ddbio.mapreduce.JobCounts;
import io.ddbio.tool.ToolConsole;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hadoop.conf.Configuration;

/**
 * The export of several tables named on one command line ({@code Orders,Customers,Items}), as the
 * console exported several tables at once: each table is a {@link TableExport} of its own, with its
 * own copy of the configuration, output directory, job and record, and the jobs run at the same
 * time, sharing the cluster. Each prints its progress and summary as one table's export does; a
 * table that fails (missing, an existing output directory, a failed job or check) does not stop the
 * others. At the end a {@link SeveralExportsSummary} sums them up.
 *
 * <p>With {@code --plan}, the plans are printed one after another, in the command line's order:
 * they read only the tables' descriptions, and interleaved they would be hard to read.
 */
final class SeveralExports {
  private final ToolConsole console;
  private final JobCounts.Source counterSource;
  private final ExportArguments arguments;

  /**
   * @param console where every export prints
   * @param counterSource how each finished job's counters are read
   * @param arguments the command line, naming several tables
   */
  SeveralExports(ToolConsole console, JobCounts.Source counterSource, ExportArguments arguments) {
    this.console = console;
    this.counterSource = counterSource;
    this.arguments = arguments;
  }

  /**
   * Runs every table's export at the same time and waits for all of them.
   *
   * @param conf the tool's configuration, with the command line applied; each export gets a copy
   * @param dirs each table's output directory, in the command line's order
   * @return {@link ToolConsole#OK} when every table's export succeeded, else {@link
   *     ToolConsole#FAILED}
   */
  int run(Configuration conf, Map<String, String> dirs) {
    List<TableExport> exports = new ArrayList<>();
    for (Map.Entry<String, String> table : dirs.entrySet()) {
      // Copied here, on one thread: a Configuration is not to be copied while another changes it.
      Configuration own = new Configuration(conf);
      ExportArguments.setTable(own, table.getKey(), table.getValue());
      exports.add(
          new TableExport(
              console, counterSource, own, arguments, "Table \"" + table.getKey() + "\": export"));
    }
    if (arguments.plan().requested()) {
      boolean allPlanned = true;
      for (TableExport export : exports) {
        allPlanned &= said(export.run()).succeeded();
      }
      return allPlanned ? ToolConsole.OK : ToolConsole.FAILED;
    }
    long started = System.nanoTime();
    List<TableExport.Outcome> outcomes = runAtOnce(exports, dirs);
    SeveralExportsSummary summary =
        new SeveralExportsSummary(outcomes, Duration.ofNanos(System.nanoTime() - started));
    console.print(summary.render());
    return summary.allSucceeded() ? ToolConsole.OK : ToolConsole.FAILED;
  }

  /**
   * Runs each export on a thread of its own, so that every job is submitted at once and awaited at
   * once, and returns their outcomes in the command line's order. An interrupt is passed on to
   * every export (each then keeps or withdraws its output, as one export does) and restored.
   */
  private List<TableExport.Outcome> runAtOnce(List<TableExport> exports, Map<String, String> dirs) {
    List<String> tables = List.copyOf(dirs.keySet());
    AtomicInteger threads = new AtomicInteger();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            exports.size(), r -> new Thread(r, "ddbio-export-" + threads.incrementAndGet()));
    List<Future<TableExport.Outcome>> running = new ArrayList<>();
    for (TableExport export : exports) {
      running.add(pool.submit(() -> said(export.run())));
    }
    pool.shutdown();
    boolean interrupted = false;
    List<TableExport.Outcome> outcomes = new ArrayList<>();
    for (int i = 0; i < running.size(); i++) {
      while (true) {
        try {
          outcomes.add(running.get(i).get());
          break;
        } catch (InterruptedException e) {
          if (!interrupted) {
            interrupted = true;
            pool.shutdownNow();
          }
        } catch (ExecutionException e) {
          // Not expected: an export reports its own failures. Said all the same, as its outcome.
          String table = tables.get(i);
          String problem =
              "Export of table \""
                  + table
                  + "\" to "
                  + dirs.get(table)
                  + " failed: "
                  + ToolConsole.describe(e.getCause());
          console.failure(problem);
          outcomes.add(
              new TableExport.Outcome(
                  table, dirs.get(table), ToolConsole.FAILED, problem, -1, Duration.ZERO));
          break;
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    return outcomes;
  }

  /**
   * Prints what one table's export leaves to its caller: a setting it refused, which for one table
   * would be a usage error. Among several it fails that table alone.
   */
  private TableExport.Outcome said(TableExport.Outcome outcome) {
    if (outcome.status() != ToolConsole.USAGE_ERROR) {
      return outcome;
    }
    String problem =
        "Export of table \""
            + outcome.table()
            + "\" to "
            + outcome.outputDir()
            + " not started: "
            + outcome.problem();
    console.failure(problem);
    return new TableExport.Outcome(
        outcome.table(),
        outcome.outputDir(),
        ToolConsole.FAILED,
        problem,
        outcome.items(),
        outcome.duration());
  }
}
