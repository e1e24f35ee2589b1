package io.ddbio.cli;

import io.ddbio.cli.throughput.ThroughputBenchmark;
import io.ddbio.export.ExportTool;
import io.ddbio.export.verify.VerifyTool;
import io.ddbio.importer.ImportTool;
import io.ddbio.testkit.DynamoDbLocalMain;
import java.io.PrintStream;
import java.util.Arrays;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.util.Tool;
import org.apache.hadoop.util.ToolRunner;

/**
 * What {@code ./ddbio} runs: the jobs on Hadoop's LocalJobRunner (any Hadoop file system: local
 * paths, {@code hdfs://}, {@code s3a://}), the verification of a backup, DynamoDB Local, and the
 * demo. No Hadoop installation is needed: the shaded Hadoop client is on the class path.
 */
public final class Main {
  private Main() {}

  static final String USAGE =
      String.join(
          "\n",
          "Usage: ./ddbio <command> [arguments]",
          "",
          "  export <outputDir> <table> [readRatio] [totalSegments] [options]",
          "        scan a table into Data Pipeline files, or the native layout with",
          "        --format dynamodb-json; several tables at once as T1,T2,T3, each to",
          "        <outputDir>/<table> (export --help for the options)",
          "  import <inputDir> <table> [writeRatio] [options]",
          "        load an export into an existing table (import --help for the options)",
          "  verify <exportDir> [--table T [--items]] [options]",
          "        check a backup's files against its records, and against the table",
          "        (verify --help for the options; exit status 0 only when all is well)",
          "  dynamodb-local [--port N] [--in-memory | --db-path DIR]",
          "        run DynamoDB Local on 127.0.0.1 (default port 8000) until Ctrl-C",
          "  demo [--items N] [--work-dir DIR]",
          "        DynamoDB Local + a sample table, exported, imported and compared",
          "  throughput-benchmark [--scenario NAME|all] [--capacity 1000] [--items N] [--seconds S]",
          "        consumed capacity against the target, through a capacity emulator (--help)",
          "",
          "Jobs run on Hadoop's LocalJobRunner; Hadoop's generic options (-D key=value) work",
          "before the job's own arguments. Use --endpoint http://127.0.0.1:8000 for DynamoDB Local.",
          "");

  public static void main(String[] args) throws Exception {
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
    if (args.length == 0 || args[0].equals("--help") || args[0].equals("help")) {
      (args.length == 0 ? err : out).print(USAGE);
      return args.length == 0 ? 2 : 0;
    }
    String[] rest = Arrays.copyOfRange(args, 1, args.length);
    switch (args[0]) {
      case "export":
        return runTool(new ExportTool(), rest);
      case "import":
        return runTool(new ImportTool(), rest);
      case "verify":
        return runTool(new VerifyTool(), rest);
      case "dynamodb-local":
        DynamoDbLocalMain.main(rest);
        return 0;
      case "demo":
        return Demo.run(rest, out, err);
      case "throughput-benchmark":
        return ThroughputBenchmark.run(rest, out, err);
      default:
        err.println("Unknown command \"" + args[0] + "\"\n");
        err.print(USAGE);
        return 2;
    }
  }

  static int runTool(Tool tool, String[] args) throws Exception {
    return ToolRunner.run(LocalHadoop.conf(), tool, args);
  }

  /** Hadoop settings for running a job in this JVM. */
  static final class LocalHadoop {
    private LocalHadoop() {}

    static Configuration conf() {
      Configuration conf = new Configuration();
      conf.setIfUnset("mapreduce.framework.name", "local");
      // Without this, every job waits five seconds after it has finished.
      conf.setIfUnset("mapreduce.client.completion.pollinterval", "100");
      conf.setIfUnset(
          "mapreduce.local.map.tasks.maximum",
          Integer.toString(Runtime.getRuntime().availableProcessors()));
      return conf;
    }
  }
}
