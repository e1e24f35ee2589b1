package io.ddbio.importer.input;

import io.ddbio.importer.lines.DataFileLines;
import java.io.IOException;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.RecordReader;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.lib.input.FileSplit;

/**
 * Reads one whole data file of a {@link BackupInputFormat} split as (line number, line) pairs; the
 * one line loop of every import, which {@link NativeExportRecordReader} extends with its checks.
 */
class NumberedLineReader extends RecordReader<LongWritable, Text> {
  private final LongWritable key = new LongWritable();
  private final Text value = new Text();
  private DataFileLines lines;

  @Override
  public void initialize(InputSplit split, TaskAttemptContext context) throws IOException {
    FileSplit file = (FileSplit) split;
    if (file.getStart() != 0) {
      throw new IOException(
          "Split of " + file.getPath() + " starts at byte " + file.getStart() + ", not 0");
    }
    readFrom(DataFileLines.open(file.getPath(), file.getLength(), context.getConfiguration()));
  }

  /** Reads {@code opened} from now on; for a reader that opens its file after initialize. */
  final void readFrom(DataFileLines opened) {
    lines = opened;
  }

  /** Whether the file is open yet. */
  final boolean isOpen() {
    return lines != null;
  }

  @Override
  public boolean nextKeyValue() throws IOException {
    long number = lines.next(value);
    if (number == 0) {
      return false;
    }
    key.set(number);
    return true;
  }

  @Override
  public LongWritable getCurrentKey() {
    return key;
  }

  @Override
  public Text getCurrentValue() {
    return value;
  }

  @Override
  public float getProgress() throws IOException {
    return lines == null ? 0f : lines.progress();
  }

  @Override
  public void close() throws IOException {
    if (lines != null) {
      lines.close();
    }
  }
}
