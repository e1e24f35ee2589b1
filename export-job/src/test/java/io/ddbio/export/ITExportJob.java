package io.ddbio.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbio.backup.DataFileStats;
import io.ddbio.backup.ExportMetadata;
import io.ddbio.backup.TableSchema;
import io.ddbio.item.DataPipelineCodec;
import io.ddbio.mapreduce.JobCounts;
import io.ddbio.metrics.DdbioCounter;
import io.ddbio.testing.LocalJobs;
import io.ddbio.testkit.KeySpec;
import io.ddbio.testkit.PkSkTables;
import io.ddbio.testkit.junit.LocalDynamoDb;
import io.ddbio.tool.Version;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.mapreduce.Counters;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The export tool end to end: {@code ToolRunner} → LocalJobRunner (4 map threads) → DynamoDB Local
 * → files on the local disk, checked against the table and against themselves.
 */
class ITExportJob {
  private static final int ITEMS = 3_000;
  private static final String TABLE = "ExportSource";
  private static final String EMPTY = "ExportEmptyOnDemand";

  @RegisterExtension static final LocalDynamoDb ddb = LocalDynamoDb.started();

  private static List<Map<String, AttributeValue>> source;

  @TempDir Path tmp;

  @BeforeAll
  static void fillTables() {
    source = PkSkTables.createAndFill(ddb.client(), TABLE, ITEMS, 11);
    ddb.createTable(EMPTY, KeySpec.string("pk"), null);
  }

  private ExportRun export(String... args) throws Exception {
    return ExportRun.run(LocalJobs.conf(tmp, 4), ddb.endpoint(), args);
  }

  @Test
  void exportsEveryItemOnceWithManifestAndMetadata() throws Exception {
    Path out = tmp.resolve("out");
    ExportRun run = export(out.toString(), TABLE, "1.0", "4");
    assertEquals(0, run.status(), run::stderr);

    List<String> dataFiles = ExportFiles.dataFiles(out);
    assertEquals(4, dataFiles.size(), "one file per segment: " + dataFiles);
    String uuid = dataFiles.get(0).substring(0, 36);
    for (String name : dataFiles) {
      assertTrue(name.matches("[0-9a-f-]{36}_00000[0-3]"), name);
      assertTrue(name.startsWith(uuid), "one uuid per job: " + dataFiles);
    }
    assertEquals(
        ExportFiles.expectedManifest(out, dataFiles),
        Files.readString(out.resolve("manifest")),
        "manifest");

    List<Map<String, AttributeValue>> exported = new ArrayList<>();
    ExportMetadata metadata = ExportFiles.metadata(out);
    checkFilesAgainstMetadata(out, metadata, dataFiles, false, exported);
    PkSkTables.assertSameItems(source, exported);

    assertNull(metadata.compression());
    TableSchema table = metadata.table();
    assertEquals(TABLE, table.tableName());
    assertEquals(
        List.of(new TableSchema.Key("pk", "HASH"), new TableSchema.Key("sk", "RANGE")),
        table.keySchema());
    assertEquals(1000, table.readCapacityUnits());

    Counters counters = run.tool().counters();
    assertEquals(ITEMS, counters.findCounter(DdbioCounter.ITEMS_READ).getValue());
    assertEquals(4, counters.findCounter(DdbioCounter.SEGMENTS_COMPLETED).getValue());
    long lineBytes = counters.findCounter(DdbioCounter.BYTES_READ).getValue();
    long stored = counters.findCounter(DdbioCounter.BYTES_WRITTEN).getValue();
    assertEquals(metadata.byteCount(), stored, "BYTES_WRITTEN is the stored size");
    assertEquals(lineBytes + ITEMS, stored, "plain files hold each line and its newline");
    assertTrue(counters.findCounter(DdbioCounter.READ_CAPACITY_MILLIUNITS).getValue() > 0);

    assertTrue(
        run.stdout().contains("Export of table \"" + TABLE + "\" to file:" + out), run.stdout());
    assertTrue(run.stdout().contains(": SUCCEEDED"), run.stdout());
    assertTrue(run.stdout().matches("(?s).*items read:\\s+3,000\\R.*"), run.stdout());
  }

  @Test
  void gzipFilesDecodeToTheSameItems() throws Exception {
    Path out = tmp.resolve("gz");
    ExportRun run =
        export(
            out.toString(), TABLE, "--segments", "4", "--read-ratio", "1", "--compression", "gzip");
    assertEquals(0, run.status(), run::stderr);

    List<String> dataFiles = ExportFiles.dataFiles(out);
    assertEquals(4, dataFiles.size(), dataFiles::toString);
    dataFiles.forEach(name -> assertTrue(name.endsWith(".gz"), name));
    assertEquals(
        ExportFiles.expectedManifest(out, dataFiles), Files.readString(out.resolve("manifest")));

    ExportMetadata metadata = ExportFiles.metadata(out);
    assertEquals(".gz", metadata.compression());
    List<Map<String, AttributeValue>> exported = new ArrayList<>();
    checkFilesAgainstMetadata(out, metadata, dataFiles, true, exported);
    PkSkTables.assertSameItems(source, exported);
    assertEquals(
        metadata.byteCount(),
        run.tool().counters().findCounter(DdbioCounter.BYTES_WRITTEN).getValue());
  }

  @Test
  void anEmptyTableExportsAnEmptyManifest() throws Exception {
    Path out = tmp.resolve("empty");
    ExportRun run = export(out.toString(), EMPTY, "--read-units", "100");
    assertEquals(0, run.status(), run::stderr);

    assertEquals(List.of(), ExportFiles.dataFiles(out));
    assertEquals(
        "{\"name\":\"DynamoDB-export\",\"version\":3,\n\"entries\": [\n]}",
        Files.readString(out.resolve("manifest")));
    ExportMetadata metadata = ExportFiles.metadata(out);
    assertEquals(0, metadata.itemCount());
    assertEquals(0, metadata.byteCount());
    assertEquals(List.of(), metadata.files());
    assertEquals("PAY_PER_REQUEST", metadata.table().billingMode());
    assertTrue(Files.exists(out.resolve("_SUCCESS")));
    assertEquals(0, run.tool().counters().findCounter(DdbioCounter.ITEMS_READ).getValue());
  }

  /**
   * An on-demand table needs no number: the export reads at its share of what a new on-demand table
   * takes at once, and says so and how to give another.
   */
  @Test
  void anOnDemandTableNeedsNoReadUnits() throws Exception {
    Path out = tmp.resolve("on-demand");
    ExportRun run = export(out.toString(), EMPTY);
    assertEquals(0, run.status(), run::stderr);
    assertTrue(
        run.stderr().contains("Table \"" + EMPTY + "\" is on demand: 6,000 read units/s"),
        run.stderr());
    assertTrue(run.stderr().contains("Give --read-units"), run.stderr());
    assertFalse(run.stderr().contains("Usage:"), run.stderr());
    assertTrue(Files.exists(out.resolve("_SUCCESS")));
  }

  @Test
  void anExistingOutputDirectoryIsLeftAlone() throws Exception {
    Path out = Files.createDirectories(tmp.resolve("existing"));
    Files.writeString(out.resolve("keep.txt"), "mine");
    ExportRun run = export(out.toString(), TABLE, "0.5");
    assertEquals(1, run.status(), run::stderr);
    assertTrue(run.stderr().contains("already exists"), run.stderr());
    assertTrue(run.stderr().contains(out.toString()), run.stderr());
    try (var files = Files.list(out)) {
      assertEquals(
          List.of("keep.txt"), files.map(p -> p.getFileName().toString()).sorted().toList());
    }
    assertEquals("mine", Files.readString(out.resolve("keep.txt")));
    assertNull(run.tool().counters(), "no job ran");
  }

  @Test
  void aMissingTableIsNamedAndNothingIsWritten() throws Exception {
    Path out = tmp.resolve("missing");
    ExportRun run = export(out.toString(), "NoSuchTable", "0.5");
    assertEquals(1, run.status(), run::stderr);
    assertTrue(run.stderr().contains("\"NoSuchTable\" does not exist"), run.stderr());
    assertFalse(Files.exists(out));
  }

  @Test
  void aCodecThatCannotBeLoadedIsNamedBeforeTheJobStarts() throws Exception {
    Path out = tmp.resolve("no-codec");
    ExportRun run = exportCompressedBy("no.such.Codec", out);
    assertEquals(1, run.status(), run::stderr);
    assertTrue(run.stderr().contains("no.such.Codec"), run.stderr());
    assertFalse(run.stderr().contains("failed: job job_"), run.stderr());
    assertFalse(Files.exists(out));
  }

  @Test
  void aFailedJobLeavesNoOutputDirectory() throws Exception {
    Path out = tmp.resolve("failed");
    // Zstandard's codec loads everywhere but writes only with Hadoop's native library, which these
    // tasks lack (as a node without it would): every task fails once the job is running, before
    // any commits.
    ExportRun run = exportCompressedBy("org.apache.hadoop.io.compress.ZStandardCodec", out);
    assertEquals(1, run.status(), run::stderr);
    assertTrue(run.stdout().contains(": FAILED"), run.stdout());
    assertTrue(run.stderr().contains("failed: job job_"), run.stderr());
    assertTrue(run.stderr().contains("Removed the incomplete output directory"), run.stderr());
    assertFalse(Files.exists(out));
  }

  /**
   * Exports {@code TABLE} to {@code out} on two segments with Hadoop's own output compression
   * turned on, through the codec class {@code codec}.
   */
  private ExportRun exportCompressedBy(String codec, Path out) throws Exception {
    return export(
        "-D",
        "mapreduce.output.fileoutputformat.compress=true",
        "-D",
        "mapreduce.output.fileoutputformat.compress.codec=" + codec,
        out.toString(),
        TABLE,
        "0.5",
        "2");
  }

  /**
   * A job that succeeds but whose final check fails leaves nothing a restore would trust: not
   * {@code _SUCCESS}, not a manifest, not {@code ddbio-export.json}, in either layout. The job's
   * counters here say one item more was read than the files hold, as a lost write would.
   */
  @ParameterizedTest
  @ValueSource(strings = {"datapipeline", "dynamodb-json"})
  void anExportThatFailsItsCountCheckIsWithdrawn(String format) throws Exception {
    Path out = tmp.resolve("disagrees-" + format);
    JobCounts.Source oneMoreRead =
        job -> {
          Counters c = job.getCounters();
          c.findCounter(DdbioCounter.ITEMS_READ).increment(1);
          return c;
        };
    ExportRun run = failedExport(oneMoreRead, out, TABLE, "1.0", "2", "--format", format);

    assertTrue(run.stderr().contains("item counts disagree: " + (ITEMS + 1)), run.stderr());
    assertTrue(run.stderr().contains("must not be restored"), run.stderr());
  }

  /**
   * Counters the cluster cannot give (YARN's answer once the application master is gone and the
   * history server cannot help: no counter group at all) make the export's counts unknown, which
   * fails it: read as zeros, an empty table's 0 read and 0 written would pass.
   */
  @Test
  void anExportWhoseCountersCannotBeReadFails() throws Exception {
    Path out = tmp.resolve("no-counters");
    ExportRun run = failedExport(job -> new Counters(), out, EMPTY, "--read-units", "100");

    assertTrue(run.stderr().contains("could not be read"), run.stderr());
    assertTrue(run.stderr().contains("unknown"), run.stderr());
    assertFalse(run.stdout().contains("SUCCEEDED"), run.stdout());
  }

  /**
   * A final check that cannot be made at all (here the committed {@code ddbio-export.json} is
   * unreadable when the tool reads it back) withdraws the export like a check that fails: the job
   * had committed {@code _SUCCESS} and the manifest already.
   */
  @Test
  void anExportWhoseCheckCannotBeMadeIsWithdrawn() throws Exception {
    Path out = tmp.resolve("unreadable-metadata");
    ExportRun run =
        failedExport(
            job -> {
              assertTrue(Files.exists(out.resolve("_SUCCESS")), "the job committed");
              Files.writeString(out.resolve(ExportMetadata.FILE_NAME), "{not json");
              return job.getCounters();
            },
            out,
            EMPTY,
            "--read-units",
            "100");

    assertTrue(run.stderr().contains("could not be checked"), run.stderr());
  }

  /**
   * Runs the export of {@code table} to {@code out} on two map threads against DynamoDB Local, the
   * job's counters read through {@code counters}, and checks that it failed and, like any withdrawn
   * export, left not even its output directory.
   */
  private ExportRun failedExport(
      JobCounts.Source counters, Path out, String table, String... options) throws Exception {
    List<String> args = new ArrayList<>(List.of(out.toString(), table));
    args.addAll(List.of(options));
    args.addAll(List.of("--endpoint", ddb.endpoint().toString()));
    ExportRun run = ExportRun.run(LocalJobs.conf(tmp, 2), args, counters);
    assertEquals(1, run.status(), run::stderr);
    assertFalse(Files.exists(out), () -> "left behind: " + listing(out));
    return run;
  }

  private static List<String> listing(Path dir) {
    try (var files = Files.walk(dir)) {
      return files.map(dir::relativize).map(Path::toString).sorted().toList();
    } catch (IOException e) {
      return List.of(e.toString());
    }
  }

  /**
   * Checks each data file against its entry in the metadata (items, stored bytes, SHA-256) and
   * collects its items.
   */
  private static void checkFilesAgainstMetadata(
      Path out,
      ExportMetadata metadata,
      List<String> dataFiles,
      boolean gzip,
      List<Map<String, AttributeValue>> items)
      throws Exception {
    assertEquals(ExportMetadata.FORMAT, metadata.format());
    assertEquals(ExportMetadata.DATA_PIPELINE_V3, metadata.dataFormat());
    assertEquals(Version.get(), metadata.toolVersion());
    assertFalse(
        Instant.parse(metadata.endTime()).isBefore(Instant.parse(metadata.startTime())),
        "start before end");
    assertEquals(dataFiles, metadata.files().stream().map(DataFileStats::name).toList());
    DataPipelineCodec codec = new DataPipelineCodec();
    long bytes = 0;
    for (DataFileStats f : metadata.files()) {
      byte[] stored = ExportFiles.readAsRecorded(out, f);
      byte[] text = gzip ? ExportFiles.gunzip(stored) : stored;
      List<String> lines = ExportFiles.lines(text, f.name());
      assertEquals(f.items(), lines.size(), f.name());
      lines.forEach(line -> items.add(codec.decode(line)));
      bytes += stored.length;
    }
    assertEquals(items.size(), metadata.itemCount());
    assertEquals(ITEMS, metadata.itemCount());
    assertEquals(bytes, metadata.byteCount());
  }
}
