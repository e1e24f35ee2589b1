package io.ddbio.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbio.export.verify.VerifyTool;
import io.ddbio.testing.LocalJobs;
import io.ddbio.testkit.PkSkTables;
import io.ddbio.testkit.Tables;
import io.ddbio.testkit.emulator.CapacityEmulator;
import io.ddbio.testkit.junit.LocalDynamoDb;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.util.ToolRunner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Tables of another account, given by ARN: export, import and verify must address them by the ARN
 * in every call. The emulator models the share (see {@code SharedTables}): the ARN reaches the
 * other account's table, the bare name the caller's own table of the same name, which exists here
 * and must stay untouched. Writing by the name DescribeTable answers would fill the caller's own
 * table and still pass the count check.
 */
class ITSharedTableArn {
  private static final String OTHER_ACCOUNT = "arn:aws:dynamodb:us-east-1:111122223333:table/";
  private static final String SOURCE_ARN = OTHER_ACCOUNT + "orders";
  private static final String TARGET_ARN = OTHER_ACCOUNT + "archive";
  private static final String SOURCE_BACKING = "orders_of_111122223333";
  private static final String TARGET_BACKING = "archive_of_111122223333";
  private static final int ITEMS = 90;

  @TempDir static java.nio.file.Path work;

  @RegisterExtension static final LocalDynamoDb ddb = LocalDynamoDb.inOwnJvm();

  private static CapacityEmulator emulator;
  private static Configuration conf;
  private static List<Map<String, AttributeValue>> source;

  @BeforeAll
  static void start() {
    conf = LocalJobs.conf(work, 2);
    emulator = CapacityEmulator.start(ddb.endpoint());
    emulator.shareFromAnotherAccount(SOURCE_ARN, SOURCE_BACKING);
    emulator.shareFromAnotherAccount(TARGET_ARN, TARGET_BACKING);
    source = PkSkTables.createAndFill(ddb.client(), SOURCE_BACKING, ITEMS, 7);
    PkSkTables.create(ddb.client(), TARGET_BACKING);
    // The caller's own tables of the same names: a bare-name request lands here.
    PkSkTables.createAndFill(ddb.client(), "orders", 3, 8);
    PkSkTables.create(ddb.client(), "archive");
  }

  @AfterAll
  static void stop() {
    if (emulator != null) {
      emulator.close();
    }
  }

  @Test
  void exportImportAndVerifyAddressTheSharedTablesByTheirArn() throws Exception {
    Path out = new Path(work.resolve("shared").toUri());
    ToolRun export = ToolRun.export(conf, emulator.endpoint(), ToolArgs.export(out, SOURCE_ARN, 2));
    export.assertSucceeded();
    PkSkTables.assertSameItems(source, ExportDir.read(conf, out).items());

    ToolRun load = ToolRun.importer(conf, emulator.endpoint(), ToolArgs.importer(out, TARGET_ARN));
    load.assertSucceeded();
    assertEquals(
        0, Tables.scanAll(ddb.client(), "archive").size(), "the caller's own table untouched");
    PkSkTables.assertSameItems(source, Tables.scanAll(ddb.client(), TARGET_BACKING));

    List<String> verify = new ArrayList<>();
    verify.addAll(List.of(out.toString(), "--table", TARGET_ARN, "--items"));
    verify.addAll(List.of("--endpoint", emulator.endpoint().toString(), "--region", "us-east-1"));
    ByteArrayOutputStream report = new ByteArrayOutputStream();
    ByteArrayOutputStream errors = new ByteArrayOutputStream();
    int status =
        ToolRunner.run(
            new Configuration(conf),
            new VerifyTool(
                new PrintStream(report, true, StandardCharsets.UTF_8),
                new PrintStream(errors, true, StandardCharsets.UTF_8)),
            verify.toArray(String[]::new));
    String said = report.toString(StandardCharsets.UTF_8) + errors.toString(StandardCharsets.UTF_8);
    assertEquals(0, status, said);
    assertTrue(said.contains(Integer.toString(ITEMS)), said);
  }
}
