package io.ddbio.it;

import io.ddbio.export.layout.DataFileNames;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.compress.CompressionOutputStream;
import org.apache.hadoop.io.compress.GzipCodec;
import org.apache.hadoop.mapreduce.MRJobConfig;
import org.apache.hadoop.mapreduce.TaskAttemptID;
import org.apache.hadoop.mapreduce.lib.output.FileOutputFormat;

/**
 * Gzip, except that the first attempt of the first map task halts its JVM once {@value
 * #HALT_AFTER_LINES} lines or more have reached the codec: the way {@link ITFailedAttempt} kills an
 * attempt, for a job whose mapper a test cannot replace, such as the export tool's. A job gets it
 * with {@code mapreduce.output.fileoutputformat.compress=true} and {@code
 * mapreduce.output.fileoutputformat.compress.codec} naming this class; its files are plain gzip
 * ending in {@code .gz}.
 *
 * <p>Before dying, the attempt records in a file under {@value #MARKER_DIR} the data file the
 * attempt was writing, with {@code visible} when the file system already showed it (HDFS shows a
 * file being written; S3 shows an object once it is complete), so that the test can check that it
 * is gone afterwards.
 */
public class DiesOnFirstAttemptCodec extends GzipCodec {
  /** The directory the dying attempt records its files in, one marker file per dead attempt. */
  static final String MARKER_DIR = "ddbio.it.marker.dir";

  static final int HALT_AFTER_LINES = 100;

  @Override
  public CompressionOutputStream createOutputStream(OutputStream out) throws IOException {
    CompressionOutputStream gzip = super.createOutputStream(out);
    String attempt = getConf().get(MRJobConfig.TASK_ATTEMPT_ID);
    if (attempt == null) {
      return gzip;
    }
    TaskAttemptID id = TaskAttemptID.forName(attempt);
    if (id.getTaskID().getId() != 0 || id.getId() != 0) {
      return gzip;
    }
    return new DoomedStream(gzip, getConf(), attempt);
  }

  /** Passes everything to gzip, counting lines, and halts the JVM at the line it was told. */
  private static final class DoomedStream extends CompressionOutputStream {
    private final CompressionOutputStream gzip;
    private final Configuration conf;
    private final String attempt;
    private long lines;

    DoomedStream(CompressionOutputStream gzip, Configuration conf, String attempt) {
      super(gzip);
      this.gzip = gzip;
      this.conf = conf;
      this.attempt = attempt;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      for (int i = off; i < off + len; i++) {
        if (b[i] == '\n') {
          lines++;
        }
      }
      if (lines >= HALT_AFTER_LINES) {
        out.flush();
        recordAttemptFiles();
        // No exception, no cleanup, no committer: the JVM is simply gone, as after a kill -9.
        Runtime.getRuntime().halt(3);
      }
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void finish() throws IOException {
      gzip.finish();
    }

    @Override
    public void resetState() throws IOException {
      gzip.resetState();
    }

    private void recordAttemptFiles() throws IOException {
      // The export's attempt writes its data file in place, under a name DataFileNames derives.
      Path dir = new Path(conf.get(FileOutputFormat.OUTDIR));
      FileSystem fs = dir.getFileSystem(conf);
      Path file = new Path(dir, DataFileNames.dataFile(TaskAttemptID.forName(attempt), ".gz"));
      List<String> files = new ArrayList<>();
      files.add(file.toUri().getPath() + (fs.exists(file) ? " visible" : " invisible"));
      Path marker = new Path(conf.get(MARKER_DIR), attempt);
      try (FSDataOutputStream out = marker.getFileSystem(conf).create(marker, false)) {
        out.write(String.join("\n", files).getBytes(StandardCharsets.UTF_8));
      }
    }
  }
}
