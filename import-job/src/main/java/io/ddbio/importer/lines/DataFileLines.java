package io.ddbio.importer.lines;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.UnaryOperator;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.io.compress.CodecPool;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.CompressionCodecFactory;
import org.apache.hadoop.io.compress.Decompressor;
import org.apache.hadoop.util.LineReader;

/**
 * The lines of one data file, numbered from 1, decompressed by the codec its name's extension
 * selects ({@code .gz}, {@code .bz2}, …). A line ends at {@code \n}, {@code \r\n} or {@code \r};
 * the last line needs no terminator. Lines may be long (an item of 400 KB can take megabytes once
 * escaped) but not endless: a file with no line breaks is not a data file. A file that cannot be
 * read to its end (a corrupt or truncated {@code .gz}) fails naming it.
 */
public final class DataFileLines implements Closeable {
  /**
   * The longest line accepted. Ten times DynamoDB's 400 KB item limit covers the worst escaping
   * (six bytes per control character, per-attribute type tags), with room to spare.
   */
  public static final int MAX_LINE_BYTES = 64 * 1024 * 1024;

  private final Path file;
  private final long length;
  private final FSDataInputStream raw;
  private final Decompressor decompressor;
  private final LineReader reader;
  private long lineNumber;
  private boolean done;

  private DataFileLines(
      Path file, long length, FSDataInputStream raw, Decompressor decompressor, LineReader reader) {
    this.file = file;
    this.length = length;
    this.raw = raw;
    this.decompressor = decompressor;
    this.reader = reader;
    this.done = reader == null;
  }

  /**
   * Opens a data file.
   *
   * @param length the file's stored length, for progress
   */
  public static DataFileLines open(Path file, long length, Configuration conf) throws IOException {
    return open(file, length, conf, UnaryOperator.identity());
  }

  /**
   * Opens a data file, passing its stored bytes through {@code stored} before they are
   * decompressed, so a caller can see exactly what is stored (to checksum it).
   *
   * @param length the file's stored length, for progress
   * @param stored wraps the stream of stored bytes; not called for an empty file
   */
  public static DataFileLines open(
      Path file, long length, Configuration conf, UnaryOperator<InputStream> stored)
      throws IOException {
    if (length == 0) {
      // Nothing to read, and nothing to decompress: an empty .gz file holds no gzip header.
      return new DataFileLines(file, 0, null, null, null);
    }
    FSDataInputStream raw = file.getFileSystem(conf).open(file);
    Decompressor decompressor = null;
    try {
      CompressionCodec codec = new CompressionCodecFactory(conf).getCodec(file);
      InputStream in = stored.apply(raw);
      if (codec != null) {
        decompressor = CodecPool.getDecompressor(codec);
        in = codec.createInputStream(in, decompressor);
      }
      return new DataFileLines(file, length, raw, decompressor, new LineReader(in, conf));
    } catch (IOException | RuntimeException e) {
      CodecPool.returnDecompressor(decompressor);
      raw.close();
      throw e;
    }
  }

  /**
   * Reads the next line, without its terminator, into {@code line}.
   *
   * @return the line's number, from 1; 0 at the end of the file
   * @throws IOException when the file cannot be read or the line exceeds {@link #MAX_LINE_BYTES}
   */
  public long next(Text line) throws IOException {
    if (done) {
      return 0;
    }
    // One byte over the limit tells an over-long line from one exactly at it.
    int consumed;
    try {
      consumed = reader.readLine(line, MAX_LINE_BYTES + 1, Integer.MAX_VALUE);
    } catch (IOException e) {
      // Mostly a damaged or cut-off compressed file. It is the file that is bad, not a record, so
      // this is never set aside: the task fails, naming the file and how far it could be read.
      throw new IOException(
          file
              + ": cannot be read after line "
              + lineNumber
              + " (a damaged or truncated file?): "
              + e,
          e);
    }
    if (consumed == 0) {
      done = true;
      return 0;
    }
    lineNumber++;
    if (line.getLength() > MAX_LINE_BYTES) {
      throw new IOException(
          file
              + ":"
              + lineNumber
              + ": line longer than "
              + MAX_LINE_BYTES
              + " bytes; this is not a data file of items");
    }
    return lineNumber;
  }

  /** The file being read. */
  Path file() {
    return file;
  }

  /** Share of the stored bytes consumed so far (the decompressor reads ahead a little). */
  public float progress() throws IOException {
    if (done) {
      return 1f;
    }
    return Math.min(1f, raw.getPos() / (float) length);
  }

  @Override
  public void close() throws IOException {
    try {
      if (reader != null) {
        reader.close();
      }
    } finally {
      CodecPool.returnDecompressor(decompressor);
    }
  }
}
