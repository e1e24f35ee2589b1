package io.ddbio.testkit;

import java.nio.file.Path;

/**
 * The command line of {@link DynamoDbLocalMain}, parsed.
 *
 * @param port the port on 127.0.0.1, 0 for an ephemeral one
 * @param dbDirectory where to keep the tables, or null to keep them in memory
 * @param stopOnStdinEof whether to stop when standard input reaches its end
 * @param help whether only the usage was asked for
 */
record MainOptions(int port, Path dbDirectory, boolean stopOnStdinEof, boolean help) {
  /** DynamoDB Local's customary port, used when {@code --port} is not given. */
  static final int DEFAULT_PORT = 8000;

  static final String USAGE =
      String.join(
          System.lineSeparator(),
          "Usage: DynamoDbLocalMain [--port N] [--in-memory | --db-path DIR] [--stop-on-stdin-eof]",
          "Runs DynamoDB Local on 127.0.0.1 until it receives SIGTERM or SIGINT.",
          "  --port N             port to listen on, 0 for an ephemeral one (default "
              + DEFAULT_PORT
              + ")",
          "  --in-memory          keep tables in memory (the default)",
          "  --db-path DIR        keep tables in DIR/shared-local-instance.db (DIR is created)",
          "  --stop-on-stdin-eof  also stop when standard input is closed; for a parent process",
          "When ready it prints one line to standard output: "
              + DynamoDbLocalMain.READY_PREFIX
              + "http://127.0.0.1:<port>");

  /**
   * Parses the arguments.
   *
   * @throws IllegalArgumentException naming the argument that is wrong
   */
  static MainOptions parse(String... args) {
    int port = DEFAULT_PORT;
    Path dbDirectory = null;
    boolean inMemory = false;
    boolean stopOnStdinEof = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--port" -> port = parsePort(valueOf(args, i++));
        case "--db-path" -> dbDirectory = Path.of(valueOf(args, i++));
        case "--in-memory" -> inMemory = true;
        case "--stop-on-stdin-eof" -> stopOnStdinEof = true;
        case "--help", "-h" -> {
          return new MainOptions(port, null, false, true);
        }
        default -> throw new IllegalArgumentException("Unknown argument: " + args[i]);
      }
    }
    if (inMemory && dbDirectory != null) {
      throw new IllegalArgumentException("Give either --in-memory or --db-path, not both");
    }
    return new MainOptions(port, dbDirectory, stopOnStdinEof, false);
  }

  private static String valueOf(String[] args, int optionIndex) {
    if (optionIndex + 1 >= args.length) {
      throw new IllegalArgumentException(args[optionIndex] + " needs a value");
    }
    return args[optionIndex + 1];
  }

  private static int parsePort(String value) {
    try {
      int port = Integer.parseInt(value);
      if (port >= 0 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // reported below with the value
    }
    throw new IllegalArgumentException("--port must be a number in 0..65535, not '" + value + "'");
  }
}
