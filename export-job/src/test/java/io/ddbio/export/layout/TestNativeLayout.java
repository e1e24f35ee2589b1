package io.ddbio.export.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbio.config.ScanExpressions;
import io.ddbio.export.ProjectedKeys;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.Test;

/** Keys relative to the file system's root, export ids, and the projection's key check. */
class TestNativeLayout {
  private static final String DATA = "AWSDynamoDB/01767225600000-0000abcd/data/x_000001.json.gz";

  @Test
  void anS3aKeyIsRelativeToTheBucket() {
    Path out = new Path("s3a://my-bucket/backups/Orders/2026-01-01");
    assertEquals("my-bucket", NativeLayout.bucket(out));
    assertEquals("backups/Orders/2026-01-01", NativeLayout.prefix(out));
    assertEquals("backups/Orders/2026-01-01/" + DATA, NativeLayout.key(out, DATA));
  }

  @Test
  void theBucketsRootHasNoPrefix() {
    Path out = new Path("s3a://my-bucket/");
    assertEquals("my-bucket", NativeLayout.bucket(out));
    assertNull(NativeLayout.prefix(out));
    assertEquals(DATA, NativeLayout.key(out, DATA));
  }

  @Test
  void hdfsAndLocalKeysAreRelativeToTheFileSystemsRoot() {
    Path hdfs = new Path("hdfs://namenode:8020/backups/Orders/");
    assertEquals("namenode:8020", NativeLayout.bucket(hdfs));
    assertEquals("backups/Orders/" + DATA, NativeLayout.key(hdfs, DATA));
    Path local = new Path("file:/tmp/backups/Orders");
    assertNull(NativeLayout.bucket(local));
    assertEquals("tmp/backups/Orders/" + DATA, NativeLayout.key(local, DATA));
  }

  @Test
  void exportIdsHaveTheNativeShape() {
    Instant start = Instant.parse("2026-01-01T00:00:00Z");
    String id = NativeLayout.newExportId(start);
    assertTrue(id.matches("01767225600000-[0-9a-f]{8}"), id);
    assertNotEquals(id, NativeLayout.newExportId(start), "two exports started together differ");
    assertEquals("AWSDynamoDB/" + id + "/data/f.json.gz", NativeLayout.dataFile(id, "f.json.gz"));
  }

  @Test
  void projectedKeysAreFoundThroughTheirPlaceholders() {
    List<String> keys = List.of("pk", "sk");
    assertEquals(List.of(), ProjectedKeys.missing(ScanExpressions.NONE, keys));
    assertEquals(List.of(), ProjectedKeys.missing(projection("pk, #s, a.b", "#s", "sk"), keys));
    assertEquals(
        List.of("sk"), ProjectedKeys.missing(projection("pk,sk2,#x[0]", "#x", "list"), keys));
    assertEquals(
        List.of("pk"), ProjectedKeys.missing(projection(" sk ,other.pk", null, null), keys));
  }

  private static ScanExpressions projection(String projection, String name, String attribute) {
    return new ScanExpressions(
        Optional.of(projection),
        Optional.empty(),
        name == null ? Map.of() : Map.of(name, attribute),
        Map.of());
  }
}
