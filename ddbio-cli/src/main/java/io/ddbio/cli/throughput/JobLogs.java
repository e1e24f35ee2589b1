package io.ddbio.cli.throughput;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.log4j.Appender;
import org.apache.log4j.FileAppender;
import org.apache.log4j.Logger;
import org.apache.log4j.PatternLayout;

/**
 * Sends the log of the jobs a scenario runs to a file instead of the console while it runs, so the
 * benchmark's own lines stay readable; the budget's re-divisions and the retries are in the file.
 */
final class JobLogs implements AutoCloseable {
  /** The console appender's name in {@code ddbio-cli}'s {@code log4j.properties}. */
  private static final String CONSOLE = "console";

  private final Logger root = Logger.getRootLogger();
  private final Appender console;
  private final FileAppender file;

  private JobLogs(Appender console, FileAppender file) {
    this.console = console;
    this.file = file;
  }

  /** From now until {@link #close}, log to {@code path} (appended) and not to the console. */
  static JobLogs to(Path path) throws IOException {
    Logger root = Logger.getRootLogger();
    FileAppender file =
        new FileAppender(
            new PatternLayout("%d{HH:mm:ss,SSS} %-5p %c{1}: %m%n"), path.toString(), true);
    Appender console = root.getAppender(CONSOLE);
    root.addAppender(file);
    if (console != null) {
      root.removeAppender(console);
    }
    return new JobLogs(console, file);
  }

  /** Logs to the console again. */
  @Override
  public void close() {
    if (console != null) {
      root.addAppender(console);
    }
    root.removeAppender(file);
    file.close();
  }
}
