package io.ddbio.importer.reject;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.Test;

class TestBadRecordOptions {
  private static final Instant NOW = Instant.parse("2026-01-02T03:04:05.678Z");
  private static final Configuration CONF = new Configuration();
  private static final Path BACKUP = new Path("s3a://bucket/backups/2024-01-01-00-00-00");

  private static Configuration conf(String... keysAndValues) {
    Configuration conf = new Configuration(false);
    for (int i = 0; i < keysAndValues.length; i += 2) {
      conf.set(keysAndValues[i], keysAndValues[i + 1]);
    }
    return conf;
  }

  /** Why the options are refused when the configuration holds {@code keysAndValues}. */
  private static String refusal(String... keysAndValues) {
    return assertThrows(
            IllegalArgumentException.class, () -> BadRecordOptions.from(conf(keysAndValues)))
        .getMessage();
  }

  @Test
  void byDefaultNothingIsSetAside() throws IOException {
    BadRecordOptions o = BadRecordOptions.from(conf());

    assertEquals(new BadRecordOptions(0, Optional.empty()), o);
    assertFalse(o.setsAside());
    assertSame(o, o.withRejectsDirFor(BACKUP, NOW, CONF));
    assertEquals(Optional.empty(), o.problem(0));
  }

  @Test
  void defaultRejectsDirectoryIsBesideTheBackupAndNamedByTheTime() throws IOException {
    BadRecordOptions o =
        BadRecordOptions.from(conf("dynamodb.max.bad.records", "10"))
            .withRejectsDirFor(BACKUP, NOW, CONF);

    assertEquals(
        Optional.of(new Path("s3a://bucket/backups/2024-01-01-00-00-00-rejects-20260102T030405Z")),
        o.rejectsDir());
  }

  @Test
  void givenRejectsDirectoryIsKeptQualified() throws IOException {
    BadRecordOptions o =
        BadRecordOptions.from(
                conf("dynamodb.max.bad.records", "1", "dynamodb.rejects.dir", "/tmp/rejects/a"))
            .withRejectsDirFor(BACKUP, NOW, CONF);

    assertEquals(Optional.of(new Path("file:/tmp/rejects/a")), o.rejectsDir());
  }

  @Test
  void bothKeysReachTheTasks() throws IOException {
    Configuration conf = conf("dynamodb.max.bad.records", "3");
    BadRecordOptions chosen = BadRecordOptions.from(conf).withRejectsDirFor(BACKUP, NOW, CONF);

    chosen.applyTo(conf);

    assertEquals(chosen, BadRecordOptions.from(conf));
    new BadRecordOptions(0, Optional.empty()).applyTo(conf);
    assertNull(conf.get("dynamodb.rejects.dir"));
  }

  @Test
  void negativeLimitIsRefusedNamingTheKey() {
    String m = refusal("dynamodb.max.bad.records", "-1");
    assertTrue(m.contains("dynamodb.max.bad.records"), m);
    refusal("dynamodb.max.bad.records", "many");
  }

  @Test
  void rejectsDirectoryWithoutALimitIsRefused() {
    String m = refusal("dynamodb.rejects.dir", "/tmp/r");
    assertTrue(m.contains("--rejects-dir") && m.contains("--max-bad-records"), m);
  }

  @Test
  void backupAtARootNeedsARejectsDirectory() {
    BadRecordOptions o = BadRecordOptions.from(conf("dynamodb.max.bad.records", "1"));

    String m =
        assertThrows(
                IllegalArgumentException.class,
                () -> o.withRejectsDirFor(new Path("s3a://bucket/"), NOW, CONF))
            .getMessage();
    assertTrue(m.contains("--rejects-dir"), m);
  }

  @Test
  void moreSetAsideThanAllowedNamesTheNumbersAndTheDirectory() {
    BadRecordOptions o = new BadRecordOptions(2, Optional.of(new Path("/tmp/rejects")));

    assertEquals(Optional.empty(), o.problem(2));
    assertEquals(
        Optional.of(
            "3 bad records in all, more than the 2 that --max-bad-records"
                + " (dynamodb.max.bad.records) allows. They are set aside in /tmp/rejects; every"
                + " other item was written"),
        o.problem(3));
  }
}
