package io.ddbio.mapreduce;

import io.ddbio.tool.ToolConsole;
import io.ddbio.tool.UsageException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.conf.Configured;
import org.apache.hadoop.util.Tool;

/**
 * The run every ddbio tool shares under {@code ToolRunner}: the command line is parsed (a usage
 * error exits 2 with the usage), {@code --help} prints the usage, and the tool then runs on a copy
 * of its configuration with the command line applied. The caller's configuration is never changed,
 * so one {@code Configuration} can serve several runs.
 *
 * @param <A> the tool's command line
 */
public abstract class DdbioTool<A extends DdbioTool.CommandLine> extends Configured
    implements Tool {

  /** A tool's parsed command line. */
  public interface CommandLine {
    /** Whether {@code --help} was given; nothing else is then read. */
    boolean help();

    /** Sets in {@code conf} every key the command line gave a value for. */
    void applyTo(Configuration conf);
  }

  /** Where the tool prints, with its usage. */
  protected final ToolConsole console;

  private final Function<String[], A> parser;

  /**
   * @param out receives results and the usage asked for with {@code --help}
   * @param err receives errors
   * @param usage the tool's usage text
   * @param parser parses the command line left after Hadoop's generic options, throwing a {@link
   *     UsageException} naming what is wrong with it
   */
  protected DdbioTool(
      PrintStream out, PrintStream err, String usage, Function<String[], A> parser) {
    this.console = new ToolConsole(out, err, usage);
    this.parser = parser;
  }

  @Override
  public int run(String[] args) {
    A arguments;
    try {
      arguments = parser.apply(args);
    } catch (UsageException e) {
      return console.usageError(e.getMessage());
    }
    if (arguments.help()) {
      return console.help();
    }
    Configuration conf = new Configuration(getConf() == null ? new Configuration() : getConf());
    arguments.applyTo(conf);
    return run(arguments, conf);
  }

  /**
   * Runs what {@code arguments} ask for.
   *
   * @param conf the tool's own copy of the configuration, with the command line applied
   * @return the exit status
   */
  protected abstract int run(A arguments, Configuration conf);

  /**
   * Reads settings (e.g. {@code HadoopOptions.from(conf)}) so that a value they refuse is a usage
   * error, like one on the command line: {@code -D} settings and options set the same keys.
   *
   * @throws UsageException with the refusal's message
   */
  public static <T> T setting(Supplier<T> read) {
    try {
      return read.get();
    } catch (IllegalArgumentException | UncheckedIOException e) {
      throw new UsageException(e.getMessage());
    }
  }
}
