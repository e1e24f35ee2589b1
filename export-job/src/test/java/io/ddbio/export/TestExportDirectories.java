package io.ddbio.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TestExportDirectories {
  private static final Instant START = Instant.parse("2026-03-07T09:05:02.789Z");
  private static final Supplier<String> NO_REGION =
      () -> {
        throw new AssertionError("the region is asked only for a bucket's root");
      };

  @ParameterizedTest
  @ValueSource(strings = {"s3a://bucket", "s3a://bucket/", "s3://my-bucket", "S3A://b.c/"})
  void aBucketsRootIsOne(String dir) {
    assertTrue(ExportDirectories.isBucketRoot(dir), dir);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"s3a://bucket/backups", "s3a://bucket/b/", "hdfs://nn/", "/tmp", "/", "out"})
  void otherDirectoriesAreNot(String dir) {
    assertFalse(ExportDirectories.isBucketRoot(dir), dir);
  }

  @Test
  void oneTableGoesToTheDirectoryAsGiven() {
    assertEquals(
        "s3a://bucket/backups/Orders/2026-01-01",
        ExportDirectories.of(
            "s3a://bucket/backups/Orders/2026-01-01", "Orders", false, NO_REGION, START));
    assertEquals("/tmp/out/", ExportDirectories.of("/tmp/out/", "Orders", false, NO_REGION, START));
  }

  @Test
  void severalTablesGoBelowItByName() {
    assertEquals(
        "s3a://bucket/backups/Orders",
        ExportDirectories.of("s3a://bucket/backups", "Orders", true, NO_REGION, START));
    assertEquals(
        "/tmp/out/Items", ExportDirectories.of("/tmp/out/", "Items", true, NO_REGION, START));
    assertEquals(
        "hdfs://nn/backups/Items",
        ExportDirectories.of(
            "hdfs://nn/backups",
            "arn:aws:dynamodb:eu-west-1:123456789012:table/Items",
            true,
            NO_REGION,
            START));
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void aBucketsRootIsNamedAsTheConsoleTemplateDid(boolean several) {
    for (String root : new String[] {"s3a://bucket", "s3a://bucket/"}) {
      assertEquals(
          "s3a://bucket/eu-west-1/Orders/2026-03-07-09-05-02",
          ExportDirectories.of(root, "Orders", several, () -> "eu-west-1", START));
    }
    assertEquals(
        "s3://bucket/us-east-1/Items/2026-03-07-09-05-02",
        ExportDirectories.of(
            "s3://bucket",
            "arn:aws:dynamodb:us-east-1:123456789012:table/Items",
            several,
            () -> "us-east-1",
            START));
  }
}
