package io.ddbio.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbio.backup.ExportMetadata;
import io.ddbio.backup.ScanRun;
import io.ddbio.export.commit.TaskStatsFiles;
import io.ddbio.metrics.DdbioCounter;
import io.ddbio.scan.SegmentSet;
import io.ddbio.testing.KillableToolJvm;
import io.ddbio.testing.LocalJobs;
import io.ddbio.testkit.PkSkTables;
import io.ddbio.testkit.junit.LocalDynamoDb;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@code --resume} after the whole export was killed: the tool's JVM, with its LocalJobRunner, gets
 * SIGKILL once about half of the 16 tasks have committed, and a second run finishes the export. The
 * export is then exact, and the second run read only the segments no committed task had read.
 */
class ITExportResume {
  private static final String TABLE = "ResumeSource";
  private static final int ITEMS = 800;
  private static final int SEGMENTS = 16;

  @RegisterExtension static final LocalDynamoDb ddb = LocalDynamoDb.started();

  private static List<Map<String, AttributeValue>> source;

  @TempDir Path tmp;

  @BeforeAll
  static void fillTable() {
    source = PkSkTables.createAndFill(ddb.client(), TABLE, ITEMS, 23);
  }

  /**
   * The options of both runs: 16 one-segment tasks, two at a time, pages of 10 items at 4 read
   * units a second, so that each task takes a few seconds and the kill lands mid-export.
   */
  private List<String> arguments(Path out) {
    return List.of(
        out.toString(),
        TABLE,
        "--read-ratio",
        "1.0",
        "--read-units",
        "4",
        "--segments",
        Integer.toString(SEGMENTS),
        "--max-map-tasks",
        Integer.toString(SEGMENTS),
        "--endpoint",
        ddb.endpoint().toString());
  }

  @Test
  void anExportKilledHalfWayIsFinishedByAResumeThatReadsOnlyWhatWasLeft() throws Exception {
    Path out = tmp.resolve("out");
    Path tasks = out.resolve(TaskStatsFiles.DIR).resolve("tasks");
    KillableToolJvm child = startInChildJvm(out);
    child.killWhen(
        () -> committed(tasks) >= SEGMENTS / 2 && child.log().contains(" items/s, "),
        "half of the tasks committed, and a line of progress printed");
    // The tool's own progress, every 5 s, from the counters: not Hadoop's map percentage.
    assertTrue(
        child
            .log()
            .matches(
                "(?s).*Export of table \"ResumeSource\" to \\S+: [0-9,]+ of about 800 items"
                    + " \\(\\d+%\\), [0-9,]+ items/s, [0-9.,]+ of 4\\.0 read units/s, 0 throttled,"
                    + " about .* left\\R.*"),
        child.log());
    assertFalse(Files.exists(out.resolve("_SUCCESS")), "killed before it finished");
    assertFalse(Files.exists(out.resolve("manifest")));

    ExportRun refused = ExportRun.run(LocalJobs.conf(tmp, 2), arguments(out));
    assertEquals(1, refused.status(), refused::stdout);
    assertTrue(refused.stderr().contains("holds an unfinished export"), refused.stderr());
    assertTrue(refused.stderr().contains("--resume"), refused.stderr());

    List<String> resume = new ArrayList<>(arguments(out));
    resume.add("--resume");
    ExportRun run = ExportRun.run(LocalJobs.conf(tmp, 2), resume);
    assertEquals(0, run.status(), run::stderr);

    ExportMetadata metadata = ExportFiles.metadata(out);
    List<Map<String, AttributeValue>> exported = ExportFiles.dataPipelineItems(out, false);
    PkSkTables.assertSameItems(source, exported);
    assertEquals(ITEMS, metadata.itemCount());

    assertTrue(metadata.resumed(), "ddbio-export.json says the export was resumed");
    List<ScanRun> runs = metadata.runs();
    assertEquals(2, runs.size(), runs::toString);
    SegmentSet first = SegmentSet.parse(runs.get(0).segments());
    SegmentSet second = SegmentSet.parse(runs.get(1).segments());
    // Half the task records were seen before the kill; a record it cut short (at most one per
    // task running, two here) counts as not committed, and its segment is read again.
    assertTrue(first.size() >= SEGMENTS / 2 - 2, runs::toString);
    assertEquals(SEGMENTS, first.size() + second.size(), runs::toString);
    assertEquals(ITEMS, runs.get(0).itemCount() + runs.get(1).itemCount(), runs::toString);
    for (ScanRun r : runs) {
      assertNotNull(r.readFrom(), r::toString);
      assertTrue(Instant.parse(r.readFrom()).isBefore(Instant.parse(r.readTo())), r::toString);
    }
    assertTrue(
        Instant.parse(runs.get(0).readTo()).isBefore(Instant.parse(runs.get(1).readFrom())),
        "the second run read after the first: " + runs);

    // What was redone is exactly what no committed task had read: the tasks that were running
    // when the JVM died, and those not yet started.
    long readAgain = run.tool().counters().findCounter(DdbioCounter.ITEMS_READ).getValue();
    assertEquals(runs.get(1).itemCount(), readAgain);
    assertEquals(ITEMS - runs.get(0).itemCount(), readAgain);
    assertEquals(
        second.size(),
        run.tool().counters().findCounter(DdbioCounter.SEGMENTS_COMPLETED).getValue());
    assertTrue(
        run.stdout()
            .matches(
                "(?s).*done by earlier runs:\\s+"
                    + first.size()
                    + " of 16 segments, "
                    + String.format("%,d", runs.get(0).itemCount())
                    + " items\\R.*"),
        run.stdout());

    assertEquals(
        ExportFiles.expectedManifest(out, ExportFiles.dataFiles(out)),
        Files.readString(out.resolve("manifest")),
        "one manifest, listing every data file left and no other");
    assertFalse(Files.exists(out.resolve(TaskStatsFiles.DIR)), "the commit's records are gone");
  }

  @Test
  void aResumeWithOptionsThatChangeWhatIsExportedIsRefusedNamingThem() throws Exception {
    Path out = tmp.resolve("changed");
    startInChildJvm(out)
        .killWhen(
            () -> committed(out.resolve(TaskStatsFiles.DIR).resolve("tasks")) >= 1,
            "a task committed");
    List<String> resume = new ArrayList<>(arguments(out));
    resume.set(resume.indexOf("--segments") + 1, "8");
    resume.addAll(List.of("--resume", "--compression", "gzip"));
    ExportRun run = ExportRun.run(LocalJobs.conf(tmp, 2), resume);
    assertEquals(1, run.status(), run::stdout);
    assertTrue(run.stderr().contains("not resumed"), run.stderr());
    assertTrue(run.stderr().contains("total segments: 8 now, 16 before"), run.stderr());
    assertTrue(run.stderr().contains("compression: .gz now, none before"), run.stderr());
    assertTrue(Files.exists(out.resolve(TaskStatsFiles.DIR).resolve("export.json")), "kept");
  }

  @Test
  void aResumeWithNothingToResumeStartsANewExport() throws Exception {
    Path out = tmp.resolve("fresh");
    List<String> resume = new ArrayList<>(arguments(out));
    resume.set(resume.indexOf("4"), "1000");
    resume.add("--resume");
    ExportRun run = ExportRun.run(LocalJobs.conf(tmp, 2), resume);
    assertEquals(0, run.status(), run::stderr);
    assertTrue(run.stderr().contains("Nothing to resume"), run.stderr());
    assertEquals(ITEMS, ExportFiles.metadata(out).itemCount());
    assertFalse(ExportFiles.metadata(out).resumed());
    assertFalse(run.stdout().contains("earlier runs"), run.stdout());
  }

  private KillableToolJvm startInChildJvm(Path out) throws Exception {
    return KillableToolJvm.start(
        ExportTool.class, tmp, List.of("dynamodb.scan.page.limit=10"), arguments(out));
  }

  private static long committed(Path tasks) throws Exception {
    if (!Files.isDirectory(tasks)) {
      return 0;
    }
    try (Stream<Path> files = Files.list(tasks)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".json")).count();
    }
  }
}
