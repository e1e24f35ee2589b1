package io.ddbio.importer.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbio.importer.Backups;
import io.ddbio.importer.layout.BackupLayout;
import io.ddbio.importer.lines.DataFileLines;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.RecordReader;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.TaskAttemptID;
import org.apache.hadoop.mapreduce.lib.input.FileSplit;
import org.apache.hadoop.mapreduce.task.TaskAttemptContextImpl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Splits and numbered lines of {@link BackupInputFormat} on the local file system. */
class TestBackupInputFormat {
  @TempDir Path tmp;

  private final Configuration conf = new Configuration();

  private List<InputSplit> splits(Path... files) throws IOException {
    Job job = Job.getInstance(conf);
    // Tiny split size: a splittable format would cut every file into many pieces.
    job.getConfiguration().setLong("mapreduce.input.fileinputformat.split.maxsize", 4);
    BackupInputFormat.setDataFiles(job, Arrays.stream(files).map(Backups::hadoop).toList());
    return new BackupInputFormat().getSplits(job);
  }

  /** Every (line number, line) of a file, read through the format. */
  private List<String> read(Path file) throws IOException, InterruptedException {
    FileSplit split = (FileSplit) splits(file).get(0);
    TaskAttemptContext context = new TaskAttemptContextImpl(conf, new TaskAttemptID());
    List<String> lines = new ArrayList<>();
    try (RecordReader<LongWritable, Text> reader =
        new BackupInputFormat().createRecordReader(split, context)) {
      reader.initialize(split, context);
      if (split.getLength() > 0) {
        assertTrue(reader.getProgress() < 1f);
      }
      while (reader.nextKeyValue()) {
        lines.add(reader.getCurrentKey().get() + ":" + reader.getCurrentValue());
      }
      assertEquals(1f, reader.getProgress());
    }
    return lines;
  }

  @Test
  void eachFileIsOneWholeSplitEvenWithOddNames() throws IOException {
    Path a = Backups.write(tmp.resolve("_underscore"), "line one\nline two\n");
    Path b = Backups.write(tmp.resolve("glob[1]{x,y}*"), "x\n");
    Path c = Backups.write(tmp.resolve("empty"), "");
    Path d = Backups.write(tmp.resolve("with,comma"), "y\n");

    List<InputSplit> splits = splits(a, b, c, d);

    assertEquals(4, splits.size());
    Path[] files = {a, b, c, d};
    for (int i = 0; i < files.length; i++) {
      FileSplit s = (FileSplit) splits.get(i);
      assertEquals(Backups.hadoop(files[i]), s.getPath());
      assertEquals(0, s.getStart());
      assertEquals(Files.size(files[i]), s.getLength());
    }
  }

  @Test
  void aBackupIsPlannedFromItsLayoutFoundAgain() throws IOException {
    Path dir = tmp.resolve("backup");
    Backups.write(dir.resolve("part-0"), "a\n");
    Backups.write(dir.resolve("part-1"), "bb\n");
    Backups.writeManifest(dir);
    Job job = Job.getInstance(conf);
    BackupInputFormat.setBackup(job, BackupLayout.locate(Backups.hadoop(dir), conf, false));

    List<InputSplit> splits = new BackupInputFormat().getSplits(job);

    assertEquals(2, splits.size());
    assertEquals(Backups.hadoop(dir.resolve("part-0")), ((FileSplit) splits.get(0)).getPath());
    assertEquals(3, ((FileSplit) splits.get(1)).getLength());
    assertEquals(0, BackupInputFormat.getInputPaths(job).length, "no path in the configuration");
  }

  @Test
  void aBackupThatChangedBeforePlanningIsRefused() throws IOException {
    Path dir = tmp.resolve("backup");
    Backups.write(dir.resolve("part-0"), "a\n");
    Job job = Job.getInstance(conf);
    BackupInputFormat.setBackup(job, BackupLayout.locate(Backups.hadoop(dir), conf, true));
    Backups.write(dir.resolve("part-1"), "b\n");

    IOException e = assertThrows(IOException.class, () -> new BackupInputFormat().getSplits(job));

    assertTrue(
        e.getMessage().contains("changed while the import was being planned"), e.getMessage());
    assertTrue(
        e.getMessage().contains("held 1 data files when checked and holds 2"), e.getMessage());
  }

  @Test
  void aDirectoryAmongTheFilesIsRefused() throws IOException {
    Files.createDirectories(tmp.resolve("dir"));
    IOException e = assertThrows(IOException.class, () -> splits(tmp.resolve("dir")));
    assertTrue(e.getMessage().contains("is not a file"), e.getMessage());
  }

  @Test
  void linesAreNumberedFromOneWhateverTheirEnds() throws Exception {
    Path f = Backups.write(tmp.resolve("mixed"), "a\nb\r\n\r\n  \nc\rd");

    assertEquals(List.of("1:a", "2:b", "3:", "4:  ", "5:c", "6:d"), read(f));
  }

  @Test
  void emptyFileHasNoLines() throws Exception {
    assertEquals(List.of(), read(Backups.write(tmp.resolve("empty"), "")));
    assertEquals(List.of(), read(Backups.write(tmp.resolve("empty.gz"), "")));
  }

  @Test
  void gzipFileIsDecompressed() throws Exception {
    Path f = tmp.resolve("part.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(f))) {
      out.write("first\nsecond\n".getBytes(StandardCharsets.UTF_8));
    }

    assertEquals(List.of("1:first", "2:second"), read(f));
  }

  @Test
  void longLineArrivesWhole() throws Exception {
    String longLine = "x".repeat(3 * 1024 * 1024 + 7);
    Path f = Backups.write(tmp.resolve("long"), "short\n" + longLine + "\nlast");

    List<String> lines = read(f);

    assertEquals(3, lines.size());
    assertEquals("2:" + longLine, lines.get(1));
    assertEquals("3:last", lines.get(2));
  }

  @Test
  void endlessLineIsRefusedWithFileAndLine() throws IOException {
    Path f = tmp.resolve("no-line-breaks");
    byte[] chunk = new byte[1024 * 1024];
    Arrays.fill(chunk, (byte) 'x');
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(f))) {
      out.write("ok\n".getBytes(StandardCharsets.UTF_8));
      for (int i = 0; i <= DataFileLines.MAX_LINE_BYTES / chunk.length; i++) {
        out.write(chunk);
      }
    }

    IOException e = assertThrows(IOException.class, () -> read(f));
    assertTrue(
        e.getMessage().startsWith(Backups.hadoop(f) + ":2: line longer than"), e.getMessage());
  }
}
