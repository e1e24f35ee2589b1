package io.ddbio.importer.reject;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * One task's rejects file, JSON Lines of {@link Reject}s. It is created with the first reject, so a
 * task without bad records leaves no file and has nothing to commit.
 */
final class RejectFile implements Closeable {
  private final FileSystem fs;
  private final Path path;
  private OutputStream out;

  /**
   * @param path the file, in the task attempt's work directory of the rejects committer
   */
  RejectFile(FileSystem fs, Path path) {
    this.fs = fs;
    this.path = path;
  }

  /** Appends a reject as one line. */
  void append(Reject reject) throws IOException {
    if (out == null) {
      out = new BufferedOutputStream(fs.create(path, false));
    }
    out.write(reject.toJson());
    out.write('\n');
  }

  /** Where the file is (or would be). */
  Path path() {
    return path;
  }

  @Override
  public void close() throws IOException {
    if (out != null) {
      out.close();
      out = null;
    }
  }
}
