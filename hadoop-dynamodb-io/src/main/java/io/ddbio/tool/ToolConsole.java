package io.ddbio.tool;

import java.io.PrintStream;

/**
 * What a tool prints, and the exit status that goes with it: results and the usage asked for on
 * standard output; errors on standard error, a usage error followed by the usage. Every tool's
 * messages take the same shape, so scripts and people read them the same way.
 *
 * @param out receives results and the usage asked for with {@code --help}
 * @param err receives errors, warnings and notes
 * @param usage the tool's usage text, ending with a line break
 */
public record ToolConsole(PrintStream out, PrintStream err, String usage) {
  /** The exit status of a run that did all it was asked. */
  public static final int OK = 0;

  /** The exit status of a run that failed; the reason is on standard error. */
  public static final int FAILED = 1;

  /** The exit status of a command line that cannot be run; the usage follows the reason. */
  public static final int USAGE_ERROR = 2;

  /** Prints the usage asked for; returns {@link #OK}. */
  public int help() {
    print(usage);
    return OK;
  }

  /**
   * Prints {@code message}, a blank line and the usage to standard error; returns {@link
   * #USAGE_ERROR}.
   */
  public int usageError(String message) {
    err.println(message);
    err.println();
    err.print(usage);
    err.flush();
    return USAGE_ERROR;
  }

  /** Prints {@code message} to standard error; returns {@link #FAILED}. */
  public int failure(String message) {
    err.println(message);
    err.flush();
    return FAILED;
  }

  /** Prints a line to standard error: a warning or a note beside the result. */
  public void note(String line) {
    err.println(line);
  }

  /** Prints {@code text} to standard output as it is. */
  public void print(String text) {
    out.print(text);
    out.flush();
  }

  /**
   * What to tell the user about {@code e}: its message, or the exception itself when it has none.
   */
  public static String describe(Throwable e) {
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.toString() : message;
  }
}
