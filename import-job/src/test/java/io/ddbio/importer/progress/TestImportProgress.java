package io.ddbio.importer.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbio.metrics.DdbioCounter;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.lib.input.FileSplit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The progress directory on local files: what planning skips and what a resume reads. */
class TestImportProgress {
  @TempDir java.nio.file.Path tmp;

  private final Configuration conf = new Configuration();

  private ImportProgress progress() throws Exception {
    return ImportProgress.at(new Path(tmp.resolve("progress").toUri()), conf);
  }

  private static InputSplit split(String file) {
    return new FileSplit(new Path(file), 0, 10, new String[0]);
  }

  private static ImportedFile imported(String file, long written) {
    return new ImportedFile(
        file,
        Map.of(DdbioCounter.ITEMS_READ.name(), written, DdbioCounter.ITEMS_WRITTEN.name(), written),
        "attempt_1_0001_m_000000_0",
        "2026-12-04T00:00:00Z");
  }

  @Test
  void theDefaultDirectoryIsBesideTheBackupOrBesideTheRejectsDirectoryGiven() {
    Path backup = new Path("s3a://bucket/backups/2026-12-01");
    assertEquals(
        new Path("s3a://bucket/backups/2026-12-01-import-Orders-progress"),
        ImportProgress.defaultDirectory(backup, "Orders", Optional.empty()));
    assertEquals(
        new Path("s3a://out/imports/2026-12-01-import-Orders-progress"),
        ImportProgress.defaultDirectory(
            backup, "Orders", Optional.of(new Path("s3a://out/imports/rejects"))));
    // A root has nothing beside it: the tool then warns that the import cannot be resumed.
    IllegalArgumentException root =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                ImportProgress.defaultDirectory(
                    new Path("s3a://bucket/"), "Orders", Optional.empty()));
    assertTrue(root.getMessage().contains("--progress-dir"), root.getMessage());
  }

  @Test
  void planningLeavesOutTheRecordedFilesAndOnlyThem() throws Exception {
    ImportProgress p = progress();
    p.start(new StartedImport("file:/b", "T", "2026-12-04T00:00:00Z"));
    p.record(imported("file:/b/part-1", 3));
    p.record(imported("file:/b/part-3", 3));
    List<InputSplit> all = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      all.add(split("file:/b/part-" + i));
    }

    assertEquals(all, ImportProgress.remaining(all, conf), "no progress directory configured");
    p.configure(conf);
    List<InputSplit> left = ImportProgress.remaining(all, conf);

    assertEquals(List.of(all.get(0), all.get(2), all.get(4)), left);
  }

  @Test
  void aResumeSumsTheRecordsAndDropsOneTheStopCutShort() throws Exception {
    ImportProgress p = progress();
    p.start(new StartedImport("file:/b", "T", "2026-12-04T00:00:00Z"));
    assertFalse(p.hasRecords());
    p.record(imported("file:/b/part-0", 1_000));
    p.record(imported("file:/b/part-1", 234));
    p.record(imported("file:/b/part-1", 234)); // a task committed twice: one record
    Path cut = new Path(p.directory(), ImportProgress.recordName("file:/b/part-2"));
    Files.writeString(java.nio.file.Path.of(cut.toUri()), "{\"file\":\"file:/b/pa");
    List<String> dropped = new ArrayList<>();

    EarlierImports done = p.done(dropped::add);

    assertEquals(2, done.files());
    assertEquals(1_234, done.total(DdbioCounter.ITEMS_WRITTEN));
    assertEquals(0, done.total(DdbioCounter.ITEMS_DELETED));
    assertEquals("2 of 5 files, 1,234 items written", done.describe(5));
    assertEquals(1, dropped.size(), dropped::toString);
    assertFalse(Files.exists(java.nio.file.Path.of(cut.toUri())), "the cut record is gone");
    assertEquals(
        1_244,
        done.plus(c -> c == DdbioCounter.ITEMS_WRITTEN ? 10 : 0)
            .applyAsLong(DdbioCounter.ITEMS_WRITTEN));
    assertEquals(Optional.of("T"), p.started().map(StartedImport::table));

    p.remove();
    assertEquals(Optional.empty(), p.started());
  }

  @Test
  void aStartRecordCutShortCountsAsNoImportStarted() throws Exception {
    ImportProgress p = progress();
    java.nio.file.Path dir = java.nio.file.Path.of(p.directory().toUri());
    Files.createDirectories(dir);
    Files.writeString(dir.resolve(ImportProgress.STARTED), "{\"backup\":\"file:/b\",");

    assertEquals(Optional.empty(), p.started());
  }

  @Test
  void recordNamesAreFixedPerFileAndDifferBetweenFiles() {
    assertEquals(
        ImportProgress.recordName("s3a://b/x/part-0"),
        ImportProgress.recordName("s3a://b/x/part-0"));
    assertNotEquals(
        ImportProgress.recordName("s3a://b/x/part-0"),
        ImportProgress.recordName("s3a://b/x/part-1"));
    assertTrue(ImportProgress.recordName("s3a://b/x/part-0").matches("[0-9a-f]{32}\\.json"));
  }
}
