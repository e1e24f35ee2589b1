package io.ddbio.export.commit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbio.backup.DataFileStats;
import io.ddbio.backup.DataPipelineManifest;
import io.ddbio.backup.ExportMetadata;
import io.ddbio.backup.TableSchema;
import io.ddbio.export.ExportJob;
import io.ddbio.export.ExportJobConf;
import io.ddbio.export.layout.DataFileNames;
import io.ddbio.export.layout.ExportFormat;
import io.ddbio.export.layout.NativeExportTarget;
import io.ddbio.export.output.ExportOutputFormat;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.JobContext;
import org.apache.hadoop.mapreduce.JobID;
import org.apache.hadoop.mapreduce.OutputCommitter;
import org.apache.hadoop.mapreduce.RecordWriter;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.TaskAttemptID;
import org.apache.hadoop.mapreduce.TaskID;
import org.apache.hadoop.mapreduce.TaskType;
import org.apache.hadoop.mapreduce.lib.output.FileOutputCommitter;
import org.apache.hadoop.mapreduce.lib.output.FileOutputFormat;
import org.apache.hadoop.mapreduce.task.JobContextImpl;
import org.apache.hadoop.mapreduce.task.TaskAttemptContextImpl;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commit protocol on the local file system, driven step by step as the framework drives it:
 * failed and speculative attempts, tasks with nothing to write, and commits that must fail.
 */
public class TestExportCommitter {
  private static final JobID JOB = new JobID("1700000000000", 1);
  private static final TableSchema SCHEMA =
      new TableSchema(
          "Orders",
          List.of(new TableSchema.Key("pk", "HASH")),
          List.of(new TableSchema.Attribute("pk", "S")),
          "PROVISIONED",
          5,
          5,
          List.of(),
          List.of());

  @TempDir Path tmp;
  private Path out;
  private Configuration conf;

  @BeforeEach
  void configure() {
    out = tmp.resolve("out");
    conf = new Configuration(false);
    conf.addResource("core-default.xml");
    conf.addResource("mapred-default.xml");
    conf.set("fs.defaultFS", "file:///");
    conf.set(FileOutputFormat.OUTDIR, out.toUri().toString());
    ExportJob.force(conf);
    ExportJobConf.setStartTime(conf, Instant.parse("2024-01-01T00:00:00Z"));
    ExportJobConf.setTableSchema(conf, SCHEMA);
  }

  private TaskAttemptContext context(int task, int attempt) {
    return new TaskAttemptContextImpl(
        conf, new TaskAttemptID(new TaskID(JOB, TaskType.MAP, task), attempt));
  }

  /** Runs one task attempt writing {@code lines} lines; returns its context and committer. */
  private Attempt attempt(int task, int attempt, int lines) throws Exception {
    TaskAttemptContext context = context(task, attempt);
    ExportOutputFormat format = new ExportOutputFormat();
    OutputCommitter committer = format.getOutputCommitter(context);
    committer.setupTask(context);
    RecordWriter<NullWritable, Text> writer = format.getRecordWriter(context);
    for (int i = 0; i < lines; i++) {
      writer.write(NullWritable.get(), new Text(line(task, attempt, i)));
    }
    writer.close(context);
    return new Attempt(context, committer);
  }

  private record Attempt(TaskAttemptContext context, OutputCommitter committer) {
    void commit() throws IOException {
      if (committer.needsTaskCommit(context)) {
        committer.commitTask(context);
      }
    }

    void abort() throws IOException {
      committer.abortTask(context);
    }
  }

  private static String line(int task, int attempt, int i) {
    return "{\"pk\":{\"s\":\"t" + task + "a" + attempt + "-" + i + "\"}}";
  }

  private OutputCommitter jobCommitter() throws IOException {
    return new ExportOutputFormat().getOutputCommitter(context(0, 0));
  }

  private JobContext jobContext() {
    return new JobContextImpl(conf, JOB);
  }

  @Test
  void onlyCommittedAttemptsArePublishedAndCounted() throws Exception {
    OutputCommitter job = jobCommitter();
    job.setupJob(jobContext());
    attempt(0, 0, 2).abort(); // failed attempt
    attempt(0, 1, 3).commit();
    attempt(1, 0, 1).commit();
    attempt(1, 1, 5).abort(); // the slower copy of a speculative pair
    attempt(2, 0, 0).commit(); // nothing to export: no file
    attempt(3, 0, 4); // killed after closing its file: neither committed nor aborted
    job.commitJob(jobContext());

    String task0 = DataFileNames.dataFile(context(0, 1).getTaskAttemptID(), "");
    String task1 = DataFileNames.dataFile(context(1, 0).getTaskAttemptID(), "");
    assertEquals(
        List.of(task0, task1, "ddbio-export.json", "manifest"), visibleFiles(out), "visible files");
    assertEquals(
        List.of(line(0, 1, 0), line(0, 1, 1), line(0, 1, 2)),
        Files.readAllLines(out.resolve(task0)));
    assertEquals(List.of(line(1, 0, 0)), Files.readAllLines(out.resolve(task1)));
    assertTrue(Files.exists(out.resolve("_SUCCESS")));
    assertFalse(Files.exists(out.resolve(TaskStatsFiles.DIR)), "the commit's records are gone");

    assertEquals(
        "{\"name\":\"DynamoDB-export\",\"version\":3,\n\"entries\": [\n"
            + "{\"url\":\"file:"
            + out.resolve(task0)
            + "\",\"mandatory\":true},\n"
            + "{\"url\":\"file:"
            + out.resolve(task1)
            + "\",\"mandatory\":true}\n"
            + "]}",
        Files.readString(out.resolve(DataPipelineManifest.FILE_NAME)));

    ExportMetadata metadata = metadata();
    assertEquals(4, metadata.itemCount());
    assertEquals(
        List.of(task0, task1), metadata.files().stream().map(DataFileStats::name).toList());
    assertEquals(3, metadata.files().get(0).items());
    assertEquals(1, metadata.files().get(1).items());
    for (DataFileStats f : metadata.files()) {
      byte[] stored = Files.readAllBytes(out.resolve(f.name()));
      assertEquals(stored.length, f.bytes());
      assertEquals(sha256(stored), f.sha256());
    }
    assertEquals(SCHEMA, metadata.table());
    assertEquals("2024-01-01T00:00:00Z", metadata.startTime());
    assertEquals(null, metadata.compression());
  }

  @Test
  void dataFilesAreWrittenInPlaceAndNeverMoved() throws Exception {
    OutputCommitter job = jobCommitter();
    job.setupJob(jobContext());
    Attempt a = attempt(0, 0, 3);
    Path file = out.resolve(DataFileNames.dataFile(a.context().getTaskAttemptID(), ""));
    Object before = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
    a.commit();
    job.commitJob(jobContext());

    assertEquals(before, Files.readAttributes(file, BasicFileAttributes.class).fileKey());
    assertEquals(List.of(line(0, 0, 0), line(0, 0, 1), line(0, 0, 2)), Files.readAllLines(file));
  }

  @Test
  void theNativeLayoutsIndexFilesAreWrittenAtJobCommitOnly() throws Exception {
    ExportJobConf.setFormat(conf, ExportFormat.DYNAMODB_JSON);
    String id = "01700000000000-0000beef";
    ExportJobConf.setNativeTarget(
        conf,
        new NativeExportTarget(id, "arn:aws:dynamodb:eu-west-1:123456789012:table/Orders", "tid"));
    OutputCommitter job = jobCommitter();
    job.setupJob(jobContext());
    attempt(0, 0, 2).abort();
    attempt(0, 1, 3).commit();
    attempt(1, 0, 1).commit();
    String dir = "AWSDynamoDB/" + id;
    try (Stream<Path> all = Files.walk(out)) {
      assertEquals(
          List.of(),
          all.filter(Files::isRegularFile)
              .map(p -> out.relativize(p).toString())
              .filter(n -> !n.startsWith(TaskStatsFiles.DIR + "/") && !n.contains("/data/"))
              .toList(),
          "no index file before the job commits");
    }
    job.commitJob(jobContext());

    String task0 =
        dir + "/data/" + DataFileNames.dataFile(context(0, 1).getTaskAttemptID(), ".json.gz");
    String task1 =
        dir + "/data/" + DataFileNames.dataFile(context(1, 0).getTaskAttemptID(), ".json.gz");
    try (Stream<Path> all = Files.walk(out)) {
      assertEquals(
          List.of(
              dir + "/_started",
              task0,
              task1,
              dir + "/manifest-files.json",
              dir + "/manifest-summary.json",
              "_SUCCESS",
              "ddbio-export.json"),
          all.filter(Files::isRegularFile)
              .map(p -> out.relativize(p).toString())
              .filter(n -> !n.endsWith(".crc"))
              .sorted()
              .toList());
    }
    assertEquals(
        List.of(line(0, 1, 0), line(0, 1, 1), line(0, 1, 2)), gunzipLines(out.resolve(task0)));

    String prefix = out.toUri().getPath().substring(1).replaceAll("/$", "");
    List<String> entries = Files.readAllLines(out.resolve(dir + "/manifest-files.json"));
    assertEquals(2, entries.size());
    byte[] stored = Files.readAllBytes(out.resolve(task0));
    byte[] md5 = MessageDigest.getInstance("MD5").digest(stored);
    assertEquals(
        "{\"itemCount\":3,\"md5Checksum\":\""
            + Base64.getEncoder().encodeToString(md5)
            + "\",\"etag\":\""
            + HexFormat.of().formatHex(md5)
            + "\",\"dataFileS3Key\":\""
            + prefix
            + "/"
            + task0
            + "\"}",
        entries.get(0));
    String summary = Files.readString(out.resolve(dir + "/manifest-summary.json"));
    assertTrue(summary.contains("\"itemCount\":4"), summary);
    assertTrue(summary.contains("\"outputFormat\":\"DYNAMODB_JSON\""), summary);
    assertTrue(
        summary.contains(
            "\"manifestFilesS3Key\":\"" + prefix + "/" + dir + "/manifest-files.json\""),
        summary);
    assertTrue(summary.contains("\"s3Prefix\":\"" + prefix + "\""), summary);
    assertTrue(summary.contains("\"s3Bucket\":null"), summary);
    assertTrue(
        summary.contains(
            "\"exportArn\":\"arn:aws:dynamodb:eu-west-1:123456789012:table/Orders/export/" + id),
        summary);

    ExportMetadata metadata = metadata();
    assertEquals(ExportMetadata.DYNAMODB_JSON, metadata.dataFormat());
    assertEquals(".gz", metadata.compression());
    assertEquals(
        List.of(task0, task1), metadata.files().stream().map(DataFileStats::name).toList());
    assertEquals(sha256(stored), metadata.files().get(0).sha256());
    assertEquals(4, metadata.itemCount());
  }

  private static List<String> gunzipLines(Path file) throws IOException {
    try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
      return List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"));
    }
  }

  /**
   * Sets {@code job} up and commits the first attempt of task 0, two items.
   *
   * @return the name of the data file it wrote
   */
  private String setUpWithTask0Committed(OutputCommitter job) throws Exception {
    job.setupJob(jobContext());
    Attempt a = attempt(0, 0, 2);
    a.commit();
    return DataFileNames.dataFile(a.context().getTaskAttemptID(), "");
  }

  @Test
  void aFileNoCommittedTaskRecordedIsDeletedAtJobCommit() throws Exception {
    OutputCommitter job = jobCommitter();
    String name = setUpWithTask0Committed(job);
    Files.writeString(out.resolve("stray"), "not counted\n", StandardCharsets.UTF_8);

    job.commitJob(jobContext());
    assertEquals(List.of(name, "ddbio-export.json", "manifest"), visibleFiles(out));
    assertEquals(2, metadata().itemCount());
  }

  @Test
  void statsWithoutTheirFileFailTheCommit() throws Exception {
    OutputCommitter job = jobCommitter();
    String name = setUpWithTask0Committed(job);
    Files.delete(out.resolve(name));

    IOException e = assertThrows(IOException.class, () -> job.commitJob(jobContext()));
    assertTrue(e.getMessage().contains("stats without a file [" + name + "]"), e.getMessage());
    assertFalse(Files.exists(out.resolve("_SUCCESS")));
  }

  @Test
  void aCommitThatCannotWriteTheMetadataWritesNoIndexFileAndDeletesNothing() throws Exception {
    conf.unset(ExportJobConf.START_TIME);
    OutputCommitter job = jobCommitter();
    String task0 = setUpWithTask0Committed(job);
    attempt(1, 0, 1);

    IOException e = assertThrows(IOException.class, () -> job.commitJob(jobContext()));
    assertTrue(e.getMessage().contains(ExportJobConf.START_TIME), e.getMessage());
    assertEquals(
        List.of(task0, DataFileNames.dataFile(context(1, 0).getTaskAttemptID(), "")),
        visibleFiles(out),
        "data files only, as the tasks left them");
  }

  @Test
  void theFileOutputCommittersAlgorithmDoesNotApply() throws Exception {
    conf.setInt(FileOutputCommitter.FILEOUTPUTCOMMITTER_ALGORITHM_VERSION, 2);
    OutputCommitter job = jobCommitter();
    String task0 = setUpWithTask0Committed(job);
    job.commitJob(jobContext());

    assertEquals(List.of(task0, "ddbio-export.json", "manifest"), visibleFiles(out));
  }

  private ExportMetadata metadata() throws IOException {
    try (InputStream in = Files.newInputStream(out.resolve(ExportMetadata.FILE_NAME))) {
      return ExportMetadata.read(in, "test");
    }
  }

  private static List<String> visibleFiles(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(DataFileNames::isVisible)
          .sorted()
          .toList();
    }
  }

  public static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
