package io.ddbio.importer;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbio.testing.LocalJobs;
import io.ddbio.testkit.PkSkTables;
import io.ddbio.testkit.junit.LocalDynamoDb;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A failure after the mapper has returned: a file of fewer items than one batch is written when the
 * task closes its writer, and a table that takes nothing makes that last flush give up. The user
 * must read why on the console, not a bare "NA" (all the LocalJobRunner says of a failed task).
 */
class ITImportFailsAtTheLastFlush {
  private static final String TABLE = "ImportLastFlush";

  @RegisterExtension
  static final LocalDynamoDb dynamoDb = LocalDynamoDb.behindEmulator().withoutBurstCredit();

  @TempDir static Path tmp;

  @Test
  void theWritersFailureIsWhatTheUserReads() throws Exception {
    List<Map<String, AttributeValue>> items = PkSkTables.generate(5, 5);
    Path backup = tmp.resolve("backup");
    Backups.writeItems(backup.resolve("part-0"), items);
    Backups.writeManifest(backup);
    PkSkTables.create(dynamoDb.client(), TABLE);
    // No capacity at all: every batch is refused.
    dynamoDb.emulator().setCapacity(TABLE, 1000, 1e-6);
    Configuration conf = LocalJobs.conf(tmp.resolve("work"), 1);
    conf.set("dynamodb.retry.throttle.max.duration", "2s");
    ImportRun run =
        ImportRun.of(
            conf, dynamoDb.endpoint(), backup.toString(), TABLE, "1.0", "--write-units", "10");
    assertNotEquals(0, run.exit(), run.out());
    assertTrue(run.err().contains("\"" + TABLE + "\""), run.err());
    assertTrue(!run.err().contains("Import failed: NA"), run.err());
  }
}
