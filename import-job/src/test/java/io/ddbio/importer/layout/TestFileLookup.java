package io.ddbio.importer.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestFileLookup {
  @TempDir java.nio.file.Path tmp;
  private Configuration conf;

  /** The local file system, counting the requests a store would be sent. */
  public static final class CountingFileSystem extends LocalFileSystem {
    static final AtomicInteger STATUS = new AtomicInteger();
    static final AtomicInteger LISTINGS = new AtomicInteger();

    @Override
    public FileStatus getFileStatus(Path f) throws IOException {
      STATUS.incrementAndGet();
      return super.getFileStatus(f);
    }

    @Override
    public FileStatus[] listStatus(Path f) throws IOException {
      LISTINGS.incrementAndGet();
      return super.listStatus(f);
    }
  }

  @BeforeEach
  void countRequests() {
    conf = new Configuration();
    conf.setClass("fs.file.impl", CountingFileSystem.class, org.apache.hadoop.fs.FileSystem.class);
    conf.setBoolean("fs.file.impl.disable.cache", true);
    CountingFileSystem.STATUS.set(0);
    CountingFileSystem.LISTINGS.set(0);
  }

  @Test
  void manyFilesOfOneDirectoryCostOneListing() throws IOException {
    List<Path> files = files("many", FileLookup.LIST_FROM + 4);
    FileLookup lookup = new FileLookup(conf, files);
    for (Path f : files) {
      FileLookup.Lookup found = lookup.lookUp(f);
      assertNotNull(found.status(), f + ": " + found.problem());
      assertEquals(f.getName(), found.status().getPath().getName());
      assertEquals(1, found.status().getLen());
    }
    assertEquals(1, CountingFileSystem.LISTINGS.get(), "listings");
    assertEquals(0, CountingFileSystem.STATUS.get(), "status requests");
  }

  @Test
  void aFewFilesAreAskedForOneByOne() throws IOException {
    List<Path> files = files("few", 2);
    FileLookup lookup = new FileLookup(conf, files);
    for (Path f : files) {
      assertNotNull(lookup.lookUp(f).status());
    }
    assertEquals(0, CountingFileSystem.LISTINGS.get(), "listings");
    assertEquals(2, CountingFileSystem.STATUS.get(), "status requests");
  }

  @Test
  void aListedDirectorySaysWhatIsMissingAndWhatIsADirectory() throws IOException {
    List<Path> files = files("listed", FileLookup.LIST_FROM);
    Path dir = files.get(0).getParent();
    Files.createDirectory(tmp.resolve("listed").resolve("sub"));
    List<Path> wanted = new ArrayList<>(files);
    Path missing = new Path(dir, "missing");
    Path sub = new Path(dir, "sub");
    wanted.add(missing);
    wanted.add(sub);
    FileLookup lookup = new FileLookup(conf, wanted);

    FileLookup.Lookup none = lookup.lookUp(missing);
    assertNull(none.status());
    assertEquals("no such file", none.problem());
    FileLookup.Lookup directory = lookup.lookUp(sub);
    assertNull(directory.status());
    assertEquals("it is a directory", directory.problem());
    assertEquals(1, CountingFileSystem.LISTINGS.get(), "listings");
  }

  @Test
  void aListingAlreadyMadeIsNotMadeAgain() throws IOException {
    List<Path> files = files("known", 2);
    Path dir = files.get(0).getParent();
    FileStatus[] listing = dir.getFileSystem(conf).listStatus(dir);
    CountingFileSystem.LISTINGS.set(0);
    FileLookup lookup = new FileLookup(conf, files);
    lookup.listed(dir, listing);

    for (Path f : files) {
      assertNotNull(lookup.lookUp(f).status());
    }
    assertNull(lookup.lookUp(new Path(dir, "missing")).status());
    assertEquals(0, CountingFileSystem.LISTINGS.get(), "listings");
    assertEquals(0, CountingFileSystem.STATUS.get(), "status requests");
  }

  @Test
  void aDirectoryThatIsNotThereHoldsNoFile() {
    List<Path> wanted = new ArrayList<>();
    Path dir = new Path(tmp.resolve("absent").toUri());
    for (int i = 0; i < FileLookup.LIST_FROM; i++) {
      wanted.add(new Path(dir, "f" + i));
    }
    FileLookup lookup = new FileLookup(conf, wanted);
    for (Path f : wanted) {
      FileLookup.Lookup found = lookup.lookUp(f);
      assertNull(found.status());
      assertEquals("no such file", found.problem());
    }
    assertEquals(1, CountingFileSystem.LISTINGS.get(), "listings");
  }

  private List<Path> files(String dir, int count) throws IOException {
    java.nio.file.Path d = Files.createDirectories(tmp.resolve(dir));
    List<Path> files = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      files.add(new Path(Files.write(d.resolve("part-" + i), new byte[] {'x'}).toUri()));
    }
    return files;
  }
}
