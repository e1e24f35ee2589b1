package io.ddbio.testkit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;

/**
 * Runs {@link DynamoDbLocal} as a program of its own: the server behind {@link
 * DynamoDbLocalProcess} and {@code ./ddbio dynamodb-local}. See {@link MainOptions#USAGE} for the
 * arguments.
 *
 * <p>Standard output carries exactly one line, {@value #READY_PREFIX}{@code
 * http://127.0.0.1:<port>}, printed once the server accepts requests; everything else, DynamoDB
 * Local's logging included, goes to standard error. The server stops on SIGTERM or SIGINT and, with
 * {@code --stop-on-stdin-eof}, when standard input ends, which is how a parent process that dies
 * takes its server with it.
 */
public final class DynamoDbLocalMain {
  /** What the line announcing the endpoint starts with. */
  public static final String READY_PREFIX = "DYNAMODB_LOCAL_ENDPOINT=";

  private DynamoDbLocalMain() {}

  /**
   * Starts the server and runs until told to stop.
   *
   * @param args see {@link MainOptions#USAGE}
   */
  public static void main(String[] args) {
    PrintStream stdout = System.out;
    // Whatever prints to System.out from here on (log4j's console appender does) goes to stderr,
    // so that the parent reading stdout sees the ready line alone.
    System.setOut(System.err);

    MainOptions options;
    try {
      options = MainOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(MainOptions.USAGE);
      System.exit(2);
      return;
    }
    if (options.help()) {
      stdout.println(MainOptions.USAGE);
      return;
    }

    DynamoDbLocal server;
    try {
      server = DynamoDbLocal.start(options.port(), options.dbDirectory());
    } catch (RuntimeException e) {
      e.printStackTrace();
      System.exit(1);
      return;
    }
    // The one place the server is closed, whichever way the JVM is asked to end.
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "dynamodb-local-shutdown"));
    stdout.println(READY_PREFIX + server.endpoint());
    stdout.flush();

    waitForStop(options.stopOnStdinEof());
    // Exit explicitly: DynamoDB Local leaves a non-daemon thread sleeping after it is closed.
    System.exit(0);
  }

  private static void waitForStop(boolean stopOnStdinEof) {
    try {
      if (stopOnStdinEof) {
        System.in.transferTo(OutputStream.nullOutputStream());
      } else {
        // Nothing counts it down: the JVM ends on a signal, and the shutdown hook stops the server.
        new CountDownLatch(1).await();
      }
    } catch (IOException e) {
      // Standard input failing is as good as its end: the parent is gone.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
