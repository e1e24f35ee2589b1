package io.ddbio.importer.input;

import io.ddbio.importer.TaskFailures;
import io.ddbio.importer.check.DataFileCheck;
import io.ddbio.importer.lines.DataFileLines;
import io.ddbio.importer.lines.NativeLineFormat;
import java.io.IOException;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.TaskAttemptContext;

/**
 * Reads one data file of a native export as (line number, line) pairs, after checking it.
 *
 * <p>The file is read twice. First through, before any line is returned, its MD5 and item count are
 * compared with the manifest: a file that fails writes nothing, so an altered item never reaches
 * the table. Then the lines are returned, digested and counted again and compared at the end, so
 * what was imported is what was checked (a file replaced in between fails the task). Reading is
 * cheap next to writing to DynamoDB, whose capacity is what an import waits for.
 */
final class NativeExportRecordReader extends NumberedLineReader {
  /** Lines between progress reports while checking, so a long check is not taken for a hang. */
  private static final int PROGRESS_EVERY = 10_000;

  private NativeFileSplit file;
  private TaskAttemptContext context;
  private NativeLineFormat format;
  private DataFileCheck check;
  private boolean done;

  /**
   * Only remembers the split: the check runs on the first {@link #nextKeyValue}, inside the
   * mapper's run, where a failure's reason is recorded for the tool ({@link TaskFailures}).
   */
  @Override
  public void initialize(InputSplit split, TaskAttemptContext context) {
    this.file = (NativeFileSplit) split;
    this.context = context;
    this.format = NativeLineFormat.of(context.getConfiguration());
  }

  @Override
  public boolean nextKeyValue() throws IOException {
    if (done) {
      return false;
    }
    if (!isOpen()) {
      open();
    }
    boolean more;
    try {
      more = super.nextKeyValue();
    } catch (IOException e) {
      throw check.explain(e);
    }
    if (!more) {
      done = true;
      check.verify();
      return false;
    }
    if (!isBlank(format, getCurrentValue())) {
      check.counted();
    }
    return true;
  }

  private void open() throws IOException {
    verifyBeforeImport(file, format, context);
    check =
        new DataFileCheck(
            file.getPath(),
            file.md5Checksum(),
            file.itemCount(),
            "it changed while being imported; items read before were written");
    readFrom(
        DataFileLines.open(
            file.getPath(), file.getLength(), context.getConfiguration(), check::digesting));
  }

  /** Reads the whole file once, comparing its MD5 and item count with the manifest. */
  private static void verifyBeforeImport(
      NativeFileSplit file, NativeLineFormat format, TaskAttemptContext context)
      throws IOException {
    DataFileCheck check =
        new DataFileCheck(
            file.getPath(), file.md5Checksum(), file.itemCount(), "none of its items were written");
    Text line = new Text();
    try (DataFileLines all =
        DataFileLines.open(
            file.getPath(), file.getLength(), context.getConfiguration(), check::digesting)) {
      try {
        long lines = 0;
        while (all.next(line) != 0) {
          if (!isBlank(format, line)) {
            check.counted();
          }
          // Nothing else reports progress while the whole file is read before its first item.
          if (++lines % PROGRESS_EVERY == 0) {
            context.progress();
          }
        }
      } catch (IOException e) {
        throw check.explain(e);
      }
      check.verify();
    }
  }

  private static boolean isBlank(NativeLineFormat format, Text line) {
    return format.isBlank(line.getBytes(), 0, line.getLength());
  }
}
