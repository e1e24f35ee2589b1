package io.ddbio.export.verify;

import io.ddbio.config.DdbioOptions;
import io.ddbio.export.verify.backup.BackupItems;
import io.ddbio.export.verify.backup.BackupVerifier;
import io.ddbio.export.verify.table.TableVerifier;
import io.ddbio.mapreduce.DdbioTool;
import io.ddbio.mapreduce.HadoopOptions;
import io.ddbio.tool.ToolConsole;
import io.ddbio.tool.UsageException;
import java.io.IOException;
import java.io.PrintStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.util.ToolRunner;

/**
 * {@code verify}: checks a backup against its own records ({@link BackupVerifier}) and, with {@code
 * --table}, against the table ({@link TableVerifier}); prints a report naming every problem. Exit
 * status: 0 when all is well, 1 when a problem was found, 2 for a usage error.
 */
public class VerifyTool extends DdbioTool<VerifyArguments> {
  /** A tool printing to the process's standard output and error. */
  public VerifyTool() {
    this(System.out, System.err);
  }

  /**
   * @param out receives the report and the usage asked for with {@code --help}
   * @param err receives usage errors
   */
  public VerifyTool(PrintStream out, PrintStream err) {
    super(out, err, VerifyArguments.usage(), VerifyArguments::parse);
  }

  /** Verifies and exits with the status. */
  public static void main(String[] args) throws Exception {
    System.exit(ToolRunner.run(new VerifyTool(), args));
  }

  @Override
  protected int run(VerifyArguments arguments, Configuration conf) {
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
      console.print(report.render());
      return report.passed() ? ToolConsole.OK : ToolConsole.FAILED;
    } catch (UsageException e) {
      return console.usageError(e.getMessage());
    } catch (IOException | RuntimeException e) {
      return console.failure("Verify of " + dir + " could not finish: " + e.getMessage());
    } finally {
      if (table != null) {
        table.close();
      }
    }
  }

  private static TableVerifier openTable(Configuration conf) throws IOException {
    DdbioOptions options = setting(() -> HadoopOptions.from(conf));
    setting(options::scan);
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
}
