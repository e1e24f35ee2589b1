package io.ddbio.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbio.metrics.DdbioCounter;
import io.ddbio.testing.LocalJobs;
import io.ddbio.testkit.PkSkTables;
import io.ddbio.testkit.Tables;
import io.ddbio.testkit.junit.LocalDynamoDb;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * The real tools, export then import, in the native layout ({@code --format dynamodb-json}) with a
 * projection or a filter: the import must find the export's own {@code ddbio-export.json}, which
 * the export writes in the output directory, two levels above {@code AWSDynamoDB/<exportId>},
 * whichever of the two directories the import is given. Without it a projected export would restore
 * as whole items and {@code --create-table} would have no schema to create.
 */
class ITNativeRoundTrip {
  private static final String SOURCE = "native_round_trip_source";
  private static final int ITEMS = 60;

  @TempDir static java.nio.file.Path work;

  @RegisterExtension static final LocalDynamoDb ddb = LocalDynamoDb.inOwnJvm();

  private static Configuration conf;
  private static List<Map<String, AttributeValue>> source;

  @BeforeAll
  static void start() {
    conf = LocalJobs.conf(work, 2);
    PkSkTables.create(ddb.client(), SOURCE);
    source = new ArrayList<>();
    for (int i = 0; i < ITEMS; i++) {
      Map<String, AttributeValue> item = new LinkedHashMap<>();
      item.put("pk", AttributeValue.fromS("user#" + i));
      item.put("sk", AttributeValue.fromN(Integer.toString(i)));
      item.put("kind", AttributeValue.fromS(i % 3 == 0 ? "keep" : "drop"));
      item.put("secret", AttributeValue.fromS("left out by the projection " + i));
      item.put("doc", AttributeValue.fromM(Map.of("n", AttributeValue.fromN(Integer.toString(i)))));
      source.add(item);
    }
    Tables.putAll(ddb.client(), SOURCE, source);
  }

  @Test
  void projectedNativeExportIsRecognisedAsPartialFromEitherDirectory() throws Exception {
    Path out = new Path(work.resolve("projected").toUri());
    export(out, "--projection", "pk, sk, kind").assertSucceeded();
    Path exportDir = onlyExport(out);

    for (Path input : List.of(out, exportDir)) {
      String table = "native_projected_" + (input == out ? "root" : "export");
      PkSkTables.create(ddb.client(), table);
      // The projection is recorded: a restore that would replace whole items with their parts is
      // refused unless asked for.
      ToolRun refused = importInto(input, table);
      assertNotEquals(0, refused.status(), () -> "import of " + input + ":\n" + refused.stderr());
      assertTrue(
          refused.stderr().contains("--allow-partial-items"),
          () -> "says why and what to do:\n" + refused.stderr());
      assertEquals(0, Tables.scanAll(ddb.client(), table).size(), "nothing written when refused");

      importInto(input, table, "--allow-partial-items").assertSucceeded();
      List<Map<String, AttributeValue>> expected = new ArrayList<>();
      for (Map<String, AttributeValue> item : source) {
        expected.add(Map.of("pk", item.get("pk"), "sk", item.get("sk"), "kind", item.get("kind")));
      }
      PkSkTables.assertSameItems(expected, Tables.scanAll(ddb.client(), table));
    }
  }

  @Test
  void filteredNativeExportCreatesItsTableFromEitherDirectory() throws Exception {
    Path out = new Path(work.resolve("filtered").toUri());
    export(
            out,
            "--filter",
            "#k = :v",
            "--names",
            "{\"#k\":\"kind\"}",
            "--values",
            "{\":v\":{\"S\":\"keep\"}}")
        .assertSucceeded();
    Path exportDir = onlyExport(out);
    List<Map<String, AttributeValue>> kept =
        source.stream().filter(i -> i.get("kind").s().equals("keep")).toList();

    for (Path input : List.of(out, exportDir)) {
      String table = "native_filtered_" + (input == out ? "root" : "export");
      ToolRun run = importInto(input, table, "--create-table").assertSucceeded();
      assertTrue(
          run.stderr().contains("only the items that met"),
          () -> "says the backup is filtered:\n" + run.stderr());
      assertEquals(kept.size(), run.counter(DdbioCounter.ITEMS_WRITTEN));
      TableDescription created = ddb.client().describeTable(r -> r.tableName(table)).table();
      assertEquals(
          Set.of("pk", "sk"),
          Set.copyOf(created.keySchema().stream().map(k -> k.attributeName()).toList()));
      PkSkTables.assertSameItems(kept, Tables.scanAll(ddb.client(), table));
    }
  }

  private static ToolRun export(Path out, String... options) throws Exception {
    List<String> args = ToolArgs.export(out, SOURCE, 2, "--format", "dynamodb-json");
    args.addAll(List.of(options));
    return ToolRun.export(conf, ddb.endpoint(), args);
  }

  private static ToolRun importInto(Path input, String table, String... options) throws Exception {
    return ToolRun.importer(conf, ddb.endpoint(), ToolArgs.importer(input, table, options));
  }

  /** {@code <out>/AWSDynamoDB/<exportId>}, the one export the tool wrote. */
  private static Path onlyExport(Path out) throws IOException {
    FileSystem fs = out.getFileSystem(conf);
    FileStatus[] exports = fs.listStatus(new Path(out, "AWSDynamoDB"));
    assertEquals(1, exports.length, "exports under " + out);
    return exports[0].getPath();
  }
}
