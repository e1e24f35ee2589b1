package io.ddbio.bench.e2e;

import io.ddbio.testkit.DynamoDbLocalProcess;
import io.ddbio.tool.UsageException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The end-to-end harness: DynamoDB Local on 127.0.0.1 in a JVM of its own, and in this JVM either
 * the comparison of ours with the raw limits ({@link Comparison}) or the heap check of an export
 * ({@link MemoryCheck}). See {@link E2eOptions#USAGE}; {@code benchmarks/run-e2e.sh} builds and
 * runs it.
 *
 * <p>Why DynamoDB Local runs in its own JVM: its CPU time is then measured apart from ours, its
 * garbage does not land in our heap, and, as with the real service, the jobs reach it only over the
 * loopback network. Both JVMs share the machine's processors, which is why raw and ours always run
 * at the same concurrency: whatever the database needs, it needs equally in both.
 */
public final class EndToEnd {
  /** The item generator's seed; fixed, so that every run loads the same items. */
  static final long SEED = 20_250_801L;

  private EndToEnd() {}

  /** Runs the harness; exits 0 when everything succeeded, 1 on failure, 2 on a usage error. */
  public static void main(String[] args) {
    PrintStream out = System.out;
    int status;
    try {
      status = run(args, out);
    } catch (UsageException e) {
      System.err.println(e.getMessage());
      status = 2;
    } catch (Exception e) {
      e.printStackTrace();
      status = 1;
    }
    // The LocalJobRunner and the SDK leave non-daemon threads behind.
    System.exit(status);
  }

  private static int run(String[] args, PrintStream out) throws Exception {
    Path defaultWorkDir =
        Path.of(
            System.getProperty("java.io.tmpdir"),
            "ddbio-bench-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
    E2eOptions options = E2eOptions.parse(args, defaultWorkDir);
    Files.createDirectories(options.workDir());
    String machine = Machine.describe();
    out.println("Machine: " + machine);
    out.printf(
        "Settings: %d items, T=%d, page limit %d, %d loader threads, %d round(s), work dir %s%n",
        options.items(),
        options.threads(),
        options.pageLimit(),
        options.loaders(),
        options.rounds(),
        options.workDir());

    try (DynamoDbLocalProcess db = DynamoDbLocalProcess.start();
        DynamoDbClient client = db.newClient()) {
      out.printf("DynamoDB Local: %s (pid %d, its own JVM)%n", db.endpoint(), db.pid());
      Meter meter = new Meter(() -> Meter.processCpuNanos(db.pid()));
      if (options.memoryCheck()) {
        Map<String, String> result =
            new MemoryCheck(options, client, meter, db.endpoint(), out).run();
        return Boolean.parseBoolean(result.get("success")) ? 0 : 1;
      }
      BenchJobs.Setup setup =
          new BenchJobs.Setup(
              db.endpoint(), options.workDir(), options.threads(), options.pageLimit());
      Comparison comparison = new Comparison(options, client, meter, setup, out);
      List<Measurement> measurements = comparison.run();
      Summary summary =
          new Summary(
              measurements.stream().filter(m -> !m.phase().startsWith("load")).toList(),
              comparison.exportFixedSeconds(),
              comparison.importFixedSeconds());
      summary.print(out);
      out.println("Machine at the end: " + Machine.describe());
      if (options.results().isPresent()) {
        summary.write(options.results().get(), options, machine);
        out.println("Figures written to " + options.results().get());
      }
      return 0;
    }
  }
}
