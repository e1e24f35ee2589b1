package io.ddbio.mapreduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.FileNotFoundException;
import java.nio.file.Files;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A record written whole, read back; a missing file and a file cut short told apart. */
class TestJsonRecords {
  /** A record as the jobs keep them. */
  record Note(String name, long count) {}

  @TempDir java.nio.file.Path tmp;

  @Test
  void aRecordReadsBackAndAFieldOfALaterVersionIsIgnored() throws Exception {
    FileSystem fs = FileSystem.getLocal(new Configuration());
    Path path = new Path(tmp.resolve("note.json").toUri());

    JsonRecords.write(fs, path, new Note("a", 3));
    assertEquals(new Note("a", 3), JsonRecords.read(fs, path, Note.class));
    JsonRecords.write(fs, path, new Note("b", 4));
    assertEquals(Optional.of(new Note("b", 4)), JsonRecords.readIfThere(fs, path, Note.class));

    Files.writeString(tmp.resolve("later.json"), "{\"name\":\"c\",\"count\":5,\"added\":true}");
    assertEquals(
        new Note("c", 5),
        JsonRecords.read(fs, new Path(tmp.resolve("later.json").toUri()), Note.class));
  }

  @Test
  void aMissingFileIsNoneAndAFileCutShortDoesNotParse() throws Exception {
    FileSystem fs = FileSystem.getLocal(new Configuration());
    Path missing = new Path(tmp.resolve("missing.json").toUri());
    assertEquals(Optional.empty(), JsonRecords.readIfThere(fs, missing, Note.class));
    assertThrows(FileNotFoundException.class, () -> JsonRecords.read(fs, missing, Note.class));

    Files.writeString(tmp.resolve("cut.json"), "{\"name\":\"a\",\"cou");
    Path cut = new Path(tmp.resolve("cut.json").toUri());
    assertThrows(JsonProcessingException.class, () -> JsonRecords.readIfThere(fs, cut, Note.class));
    Files.writeString(tmp.resolve("empty.json"), "");
    Path empty = new Path(tmp.resolve("empty.json").toUri());
    assertThrows(JsonProcessingException.class, () -> JsonRecords.read(fs, empty, Note.class));
  }
}
