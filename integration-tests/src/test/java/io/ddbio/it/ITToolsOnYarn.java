package io.ddbio.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbio.metrics.DdbioCounter;
import io.ddbio.testkit.PkSkTables;
import io.ddbio.testkit.Tables;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapreduce.JobCounter;
import org.apache.hadoop.mapreduce.lib.output.FileOutputFormat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The real tools, {@code ExportTool} and {@code ImportTool}, run as {@code hadoop jar} runs them,
 * with their map tasks in YARN containers: a table exported to HDFS, one export attempt dying part
 * way, and imported back; a gzip export to a bucket (S3A against s3proxy) and back. Each export is
 * checked file by file against its manifest and metadata, and each import item by item against the
 * source table.
 *
 * <p>One cluster, one DynamoDB Local and one S3 server serve the whole class; each YARN job costs
 * some 20 s here, so the dead attempt rides along with the HDFS round trip rather than having an
 * export of its own.
 */
class ITToolsOnYarn {
  private static final int ITEMS = 1_000;
  private static final int SEGMENTS = 4;
  private static final String SOURCE = "tools_source";

  private static HadoopWithDynamoDb env;
  private static S3Server s3;

  /**
   * The cluster's configuration with S3A pointed at {@link #s3}: one for the class, since Hadoop
   * caches the bucket's file system with the settings of the first configuration that opened it.
   */
  private static Configuration conf;

  private static List<Map<String, AttributeValue>> source;

  @BeforeAll
  static void start() {
    CompletableFuture<S3Server> server = CompletableFuture.supplyAsync(S3Server::start);
    try {
      env = HadoopWithDynamoDb.start(ITToolsOnYarn.class.getSimpleName());
    } finally {
      s3 = server.join();
    }
    conf = s3.s3aConf(env.hadoop().conf());
    source = PkSkTables.createAndFill(env.client(), SOURCE, ITEMS, 77);
  }

  @AfterAll
  static void stop() throws IOException {
    try {
      if (s3 != null) {
        s3.close(conf);
      }
    } finally {
      if (env != null) {
        env.close();
      }
    }
  }

  /**
   * An export to HDFS in which the first attempt of the first map task dies part way through its
   * data file ({@link DiesOnFirstAttemptCodec}), then an import of that export into a fresh table.
   * The retried attempt reads its segment again; the directory must hold exactly the manifest's
   * files, with exactly the table's items, and nothing of the dead attempt.
   */
  @Test
  void exportToHdfsDespiteADeadAttemptThenImportIntoAFreshTable() throws Exception {
    Path out = hdfs("/it/tools/hdfs");
    Path markers = hdfs("/it/tools/hdfs-markers");
    List<String> args = dyingFirstAttemptArgs(out, markers);

    ToolRun export = ToolRun.export(conf, env.dynamoDbEndpoint(), args).assertSucceeded();
    assertRanOnYarn(export, SEGMENTS + 1, 1);
    // Counters of the dead attempt are dropped with it: each item counts once.
    assertEquals(ITEMS, export.counter(DdbioCounter.ITEMS_READ));

    // HDFS shows the file while it is written: the dead attempt left part of one, which the job
    // commit deleted since no committed task recorded it.
    List<String> deadAttemptFiles = DeadAttempts.files(env.hadoop().dfs(), markers);
    assertEquals(1, deadAttemptFiles.size(), deadAttemptFiles::toString);
    String file = deadAttemptFiles.get(0);
    assertTrue(file.startsWith(out.toUri().getPath() + "/") && file.endsWith(" visible"), file);
    String path = file.substring(0, file.indexOf(' '));
    assertFalse(env.hadoop().dfs().exists(new Path(path)), () -> "left behind: " + path);
    ExportDir dir = ExportDir.read(conf, out);
    assertEquals("hdfs", dir.dir().toUri().getScheme());
    dir.assertComplete(SEGMENTS, ITEMS, ".gz");
    assertEquals(".gz", dir.metadata().compression());
    assertExactly(source, dir.items());

    importAndCompare(out, "tools_hdfs_target");
  }

  /**
   * An export to a bucket in which the first attempt of the first map task dies part way, as on
   * HDFS above: the server sees no copy of any object (the commit renames nothing), and the
   * directory holds exactly the manifest's files.
   */
  @Test
  void exportToABucketDespiteADeadAttemptCopiesNothing() throws Exception {
    int copiesBefore = s3.copies().size();
    Path out = s3.path("prefix/tools/dead-attempt");
    Path markers = hdfs("/it/tools/s3a-markers");
    List<String> args = dyingFirstAttemptArgs(out, markers);

    ToolRun export = ToolRun.export(conf, env.dynamoDbEndpoint(), args).assertSucceeded();
    assertRanOnYarn(export, SEGMENTS + 1, 1);
    assertEquals(ITEMS, export.counter(DdbioCounter.ITEMS_READ));

    assertEquals(List.of(), s3.copies().subList(copiesBefore, s3.copies().size()), "copies");
    // S3 shows an object once its upload completes: the dead attempt's never did.
    List<String> deadAttemptFiles = DeadAttempts.files(env.hadoop().dfs(), markers);
    assertEquals(1, deadAttemptFiles.size(), deadAttemptFiles::toString);
    String file = deadAttemptFiles.get(0);
    assertTrue(file.endsWith(" invisible"), file);
    Path path = new Path(out, new Path(file.substring(0, file.indexOf(' '))).getName());
    assertFalse(path.getFileSystem(conf).exists(path), () -> "left behind: " + path);
    ExportDir dir = ExportDir.read(conf, out);
    dir.assertComplete(SEGMENTS, ITEMS, ".gz");
    assertExactly(source, dir.items());
  }

  @Test
  void gzipExportToABucketThenImportFromIt() throws Exception {
    int copiesBefore = s3.copies().size();
    Path out = s3.path("prefix/tools/gzip");
    List<String> args = new ArrayList<>(exportArgs(out));
    args.addAll(List.of("--compression", "gzip"));
    ToolRun export = ToolRun.export(conf, env.dynamoDbEndpoint(), args).assertSucceeded();
    assertRanOnYarn(export, SEGMENTS, 0);

    ExportDir dir = ExportDir.read(conf, out);
    String prefix = "s3a://" + s3.bucket() + "/prefix/tools/gzip/";
    assertEquals(prefix, dir.dir() + "/");
    for (Path entry : dir.entries()) {
      assertTrue(entry.toString().startsWith(prefix), entry::toString);
    }
    dir.assertComplete(SEGMENTS, ITEMS, ".gz");
    assertEquals(".gz", dir.metadata().compression());
    assertExactly(source, dir.items());

    assertEquals(List.of(), s3.copies().subList(copiesBefore, s3.copies().size()), "copies");
    importAndCompare(out, "tools_s3a_target");
  }

  /** {@link #exportArgs} after generic options that make the first map attempt die part way. */
  private static List<String> dyingFirstAttemptArgs(Path out, Path markers) {
    List<String> args = new ArrayList<>();
    // Generic options, as a user would give them on the command line.
    args.addAll(
        List.of(
            "-D",
            FileOutputFormat.COMPRESS + "=true",
            "-D",
            FileOutputFormat.COMPRESS_CODEC + "=" + DiesOnFirstAttemptCodec.class.getName(),
            "-D",
            DiesOnFirstAttemptCodec.MARKER_DIR + "=" + markers));
    args.addAll(exportArgs(out));
    return args;
  }

  /** The export's arguments: 4 segments in 4 map tasks, a read budget that never throttles. */
  private static List<String> exportArgs(Path out) {
    return ToolArgs.export(out, SOURCE, SEGMENTS, "--max-map-tasks", Integer.toString(SEGMENTS));
  }

  /** Imports the export in {@code dir} into a new table and compares it with the source. */
  private static void importAndCompare(Path dir, String table) throws Exception {
    PkSkTables.create(env.client(), table);
    ToolRun load =
        ToolRun.importer(conf, env.dynamoDbEndpoint(), ToolArgs.importer(dir, table))
            .assertSucceeded();
    long maps = load.counter(JobCounter.TOTAL_LAUNCHED_MAPS);
    assertTrue(maps >= 1, "map tasks launched on YARN: " + maps);
    assertEquals(0, load.counter(JobCounter.NUM_FAILED_MAPS));
    assertEquals(ITEMS, load.counter(DdbioCounter.ITEMS_WRITTEN));
    assertExactly(source, Tables.scanAll(env.client(), table));
  }

  /**
   * The job ran on YARN (LocalJobRunner counts no launched tasks) with this many map attempts, of
   * which this many failed.
   */
  private static void assertRanOnYarn(ToolRun run, int launched, int failed) {
    assertEquals(launched, run.counter(JobCounter.TOTAL_LAUNCHED_MAPS), "map attempts");
    assertEquals(failed, run.counter(JobCounter.NUM_FAILED_MAPS), "failed map attempts");
  }

  private static void assertExactly(
      List<Map<String, AttributeValue>> expected, List<Map<String, AttributeValue>> actual) {
    assertEquals(expected.size(), actual.size(), "items, counting duplicates");
    PkSkTables.assertSameItems(expected, actual);
  }

  private static Path hdfs(String path) {
    return new Path(env.hadoop().dfs().getUri().toString() + path);
  }
}
