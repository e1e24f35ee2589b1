package io.ddbio.export.verify;

import io.ddbio.config.DdbioOptions;
import io.ddbio.export.verify.backup.BackupItems;
import io.ddbio.export.verify.backup.BackupVerifier;
import io.ddbio.export.verify.table.TableVerifier;
import io.ddbio.mapreduce.HadoopOptions;
import io.ddbio.tool.UsageException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.conf.Configured;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.util.Tool;
import org.apache.hadoop.util.ToolRunner;

/**
 * {@code verify}: checks a backup against its own records ({@link BackupVerifier}) and, with {@code
 * --table}, against the table ({@link TableVerifier}); prints a report naming every problem. Exit
 * status: 0 when all is well, 1 when a problem was found, 2 for a usage error.
 */
public class VerifyTool extends Configured implements Tool {
  private final PrintStream out;
  private final PrintStream err;

  /** A tool printing to the process's standard output and error. */
  public VerifyTool() {
    this(System.out, System.err);
  }

  /**
   * @param out receives the report and the usage asked for with {@code --help}
   * @param err receives usage errors
   */
  public VerifyTool(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  /** Verifies and exits with the status. */
  public static void main(String[] args) throws Exception {
    System.exit(ToolRunner.run(new VerifyTool(), args));
  }

  @Override
  public int run(String[] args) {
    VerifyArguments arguments;
    try {
      arguments = VerifyArguments.parse(args);
    } catch (UsageException e) {
      return usageError(e.getMessage());
    }
    if (arguments.help()) {
      out.print(VerifyArguments.usage());
      return 0;
    }
    Configuration conf = new Configuration(getConf() == null ? new Configuration() : getConf());
    arguments.applyTo(conf);
    Path dir = new Path(arguments.exportDir());
    TableVerifier table = null;
    try {
      dir = dir.getFileSystem(conf).makeQualified(dir);
      VerifyReport report = new VerifyReport("Verify of " + dir);
      if (arguments.table().isPresent()) {
        try {
          table = openTable(conf);
        } catch (IOException e) {
          // The backup is still worth checking; the report says why the table part is missing.
          report.problem("the table cannot be compared: " + e.getMessage());
        }
      }
      verify(dir, conf, arguments, table, report);
      out.print(report.render());
      out.flush();
      return report.passed() ? 0 : 1;
    } catch (UsageException e) {
      return usageError(e.getMessage());
    } catch (IOException | RuntimeException e) {
      err.println("Verify of " + dir + " could not finish: " + e.getMessage());
      err.flush();
      return 1;
    } finally {
      if (table != null) {
        table.close();
      }
    }
  }

  private static TableVerifier openTable(Configuration conf) throws IOException {
    DdbioOptions options;
    try {
      options = HadoopOptions.from(conf);
      options.scan();
    } catch (IllegalArgumentException | UncheckedIOException e) {
      throw new UsageException(e.getMessage());
    }
    try {
      return TableVerifier.open(options);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage() + " (on the command line: --read-units U)");
    }
  }

  private static void verify(
      Path dir,
      Configuration conf,
      VerifyArguments arguments,
      TableVerifier table,
      VerifyReport report)
      throws IOException {
    BackupItems items =
        table != null && arguments.items() ? new BackupItems(table.keyNames()) : null;
    BackupVerifier.Result backup = BackupVerifier.verify(dir, conf, report, items);
    if (table == null) {
      return;
    }
    table.compareCount(backup, report);
    if (items != null) {
      table.compareItems(backup, items, report);
    }
  }

  private int usageError(String message) {
    err.println(message);
    err.println();
    err.print(VerifyArguments.usage());
    err.flush();
    return 2;
  }
}
