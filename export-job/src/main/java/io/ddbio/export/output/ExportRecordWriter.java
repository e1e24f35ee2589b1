package io.ddbio.export.output;

import io.ddbio.backup.DataFileStats;
import io.ddbio.export.commit.TaskStatsFiles;
import io.ddbio.export.commit.WrittenFile;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.mapreduce.Counter;
import org.apache.hadoop.mapreduce.RecordWriter;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.TaskAttemptID;

/**
 * Writes one task attempt's data file at its final place: each line and a {@code \n}, through the
 * codec when there is one. The stream stack is buffer → codec → {@link DigestingOutputStream} →
 * file, so the digest sees the stored bytes in large chunks.
 *
 * <p>The file is created with the first line: a task that exports no items leaves no file, so an
 * empty table exports as an empty manifest rather than as empty files. Its name may hold
 * directories ({@code AWSDynamoDB/<id>/data/…}) below the output directory. On close the file's
 * {@link WrittenFile} stats are left pending for the task commit ({@link TaskStatsFiles}), and
 * {@code BYTES_WRITTEN} grows by the stored size.
 */
final class ExportRecordWriter extends RecordWriter<NullWritable, Text> {
  private static final int BUFFER_BYTES = 64 * 1024;

  private final FileSystem fs;
  private final Path outputDir;
  private final String name;
  private final TaskAttemptID attempt;
  private final CompressionCodec codec;
  private final Counter bytesWritten;
  private DigestingOutputStream stored;
  private OutputStream out;
  private long items;

  /**
   * @param outputDir the output directory
   * @param name the file's path below {@code outputDir}
   * @param attempt the task attempt writing it
   * @param codec compresses the file, or null
   * @param bytesWritten the task's {@code BYTES_WRITTEN} counter, or null when there is none
   */
  ExportRecordWriter(
      FileSystem fs,
      Path outputDir,
      String name,
      TaskAttemptID attempt,
      CompressionCodec codec,
      Counter bytesWritten) {
    this.fs = fs;
    this.outputDir = outputDir;
    this.name = name;
    this.attempt = attempt;
    this.codec = codec;
    this.bytesWritten = bytesWritten;
  }

  @Override
  public void write(NullWritable key, Text line) throws IOException {
    if (out == null) {
      open();
    }
    out.write(line.getBytes(), 0, line.getLength());
    out.write('\n');
    items++;
  }

  private void open() throws IOException {
    stored = new DigestingOutputStream(fs.create(new Path(outputDir, name), false));
    OutputStream top = stored;
    try {
      if (codec != null) {
        top = codec.createOutputStream(stored);
      }
    } catch (IOException | RuntimeException e) {
      stored.close();
      throw e;
    }
    out = new BufferedOutputStream(top, BUFFER_BYTES);
  }

  @Override
  public void close(TaskAttemptContext context) throws IOException {
    if (out == null) {
      return;
    }
    // Closing the top of the stack finishes the codec's stream and closes the file.
    out.close();
    DataFileStats stats = new DataFileStats(name, items, stored.count(), stored.sha256Hex());
    TaskStatsFiles.writePending(fs, outputDir, attempt, new WrittenFile(stats, stored.md5Hex()));
    if (bytesWritten != null) {
      bytesWritten.increment(stats.bytes());
    }
  }
}
