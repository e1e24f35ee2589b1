package io.ddbio.mapreduce;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * A record a job keeps for itself beside its output (what was started, what each task committed,
 * what an import has done) as one small JSON file: serialised before the file is created, so that
 * on an object store the file appears whole (one PUT) or not at all, and read with unknown fields
 * ignored, so that a record written by a later version still reads.
 */
public final class JsonRecords {
  private static final ObjectMapper JSON =
      new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private JsonRecords() {}

  /** Writes {@code record} at {@code path}, in place of any file there. */
  public static void write(FileSystem fs, Path path, Object record) throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(record);
    try (OutputStream out = fs.create(path, true)) {
      out.write(bytes);
    }
  }

  /**
   * The record at {@code path}.
   *
   * @throws FileNotFoundException when there is none
   * @throws JsonProcessingException when the file does not parse as one (a record cut short, for
   *     example, where a file can be seen half-written); other I/O errors as the store gives them
   */
  public static <T> T read(FileSystem fs, Path path, Class<T> type) throws IOException {
    try (InputStream in = fs.open(path)) {
      return JSON.readValue(in, type);
    }
  }

  /**
   * The record at {@code path}, if there is a file there.
   *
   * @throws JsonProcessingException when the file does not parse as one
   */
  public static <T> Optional<T> readIfThere(FileSystem fs, Path path, Class<T> type)
      throws IOException {
    try {
      return Optional.of(read(fs, path, type));
    } catch (FileNotFoundException e) {
      return Optional.empty();
    }
  }

  /**
   * The files in {@code dir} whose names {@code names} accepts, in one listing; none when there is
   * no such directory (no record has been written yet).
   */
  public static List<Path> list(FileSystem fs, Path dir, Predicate<String> names)
      throws IOException {
    List<Path> records = new ArrayList<>();
    if (!fs.exists(dir)) {
      return records;
    }
    RemoteIterator<FileStatus> it = fs.listStatusIterator(dir);
    while (it.hasNext()) {
      FileStatus s = it.next();
      if (s.isFile() && names.test(s.getPath().getName())) {
        records.add(s.getPath());
      }
    }
    return records;
  }
}
