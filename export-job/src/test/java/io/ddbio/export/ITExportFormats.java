package io.ddbio.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ddbio.backup.DataFileStats;
import io.ddbio.backup.ExportMetadata;
import io.ddbio.metrics.DdbioCounter;
import io.ddbio.testing.LocalJobs;
import io.ddbio.testkit.PkSkTables;
import io.ddbio.testkit.Tables;
import io.ddbio.testkit.junit.LocalDynamoDb;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The native layout and the scan options end to end, on LocalJobRunner and DynamoDB Local: a {@code
 * dynamodb-json} export read back by a reader written only from the published layout, a filtered
 * and a projected export holding exactly what they select, and consistent reads reaching the scan.
 */
class ITExportFormats {
  private static final int ITEMS = 3_000;
  private static final String TABLE = "FormatsSource";

  @RegisterExtension static final LocalDynamoDb ddb = LocalDynamoDb.started();

  private static List<Map<String, AttributeValue>> source;

  @TempDir Path tmp;

  /**
   * Random items of every type, each with a {@code status} (a reserved word, so it needs a
   * placeholder; every third item is active) and a {@code body} map of which the projection keeps
   * one member.
   */
  @BeforeAll
  static void fillTable() {
    source = PkSkTables.generate(ITEMS, 29);
    for (int i = 0; i < ITEMS; i++) {
      Map<String, AttributeValue> item = source.get(i);
      item.put("status", AttributeValue.fromS(i % 3 == 0 ? "active" : "inactive"));
      item.put(
          "body",
          AttributeValue.fromM(
              Map.of(
                  "c", AttributeValue.fromN(Integer.toString(i)), "d", AttributeValue.fromS("x"))));
    }
    PkSkTables.create(ddb.client(), TABLE);
    Tables.putAll(ddb.client(), TABLE, source);
  }

  private ExportRun export(String... args) throws Exception {
    return ExportRun.run(LocalJobs.conf(tmp, 4), ddb.endpoint(), args);
  }

  /**
   * Exports {@code TABLE} to {@code out} at the full read ratio on {@code segments} segments, with
   * {@code options}, and checks that the run succeeded.
   */
  private ExportRun successfulExport(Path out, int segments, String... options) throws Exception {
    List<String> args =
        new ArrayList<>(List.of(out.toString(), TABLE, "1.0", Integer.toString(segments)));
    args.addAll(List.of(options));
    ExportRun run = export(args.toArray(String[]::new));
    assertEquals(0, run.status(), run::stderr);
    return run;
  }

  @Test
  void aNativeExportReadsBackFromThePublishedLayoutAlone() throws Exception {
    Path out = tmp.resolve("native");
    ExportRun run = successfulExport(out, 4, "--format", "dynamodb-json");

    PublishedNativeLayout.Contents contents = PublishedNativeLayout.read(out);
    PkSkTables.assertSameItems(source, contents.items());
    assertTrue(
        contents.summary().get("tableArn").asText().endsWith(":table/" + TABLE),
        contents.summary().toString());
    assertTrue(
        contents.summary().get("exportArn").asText().endsWith("/export/" + contents.exportId()));

    assertFalse(Files.exists(out.resolve("manifest")), "no Data Pipeline manifest");
    ExportMetadata metadata = ExportFiles.metadata(out);
    assertEquals(ExportMetadata.DYNAMODB_JSON, metadata.dataFormat());
    assertEquals(".gz", metadata.compression());
    assertNull(metadata.selection());
    assertEquals(ITEMS, metadata.itemCount());
    assertEquals(4, metadata.files().size());
    for (DataFileStats f : metadata.files()) {
      assertTrue(f.name().startsWith("AWSDynamoDB/" + contents.exportId() + "/data/"), f.name());
      ExportFiles.readAsRecorded(out, f);
    }
    assertTrue(
        run.stdout()
            .contains(
                "native layout:             file:" + out + "/AWSDynamoDB/" + contents.exportId()),
        run.stdout());
  }

  @Test
  void aFilteredExportHoldsExactlyTheMatchingItems() throws Exception {
    Path out = tmp.resolve("filtered");
    ExportRun run =
        successfulExport(
            out,
            4,
            "--compression",
            "gzip",
            "--filter",
            "#s = :v",
            "--names",
            "{\"#s\":\"status\"}",
            "--values",
            "{\":v\":{\"S\":\"active\"}}");

    List<Map<String, AttributeValue>> expected =
        source.stream().filter(i -> i.get("status").s().equals("active")).toList();
    assertEquals(ITEMS / 3, expected.size());
    PkSkTables.assertSameItems(expected, ExportFiles.dataPipelineItems(out, true));

    ExportMetadata metadata = ExportFiles.metadata(out);
    assertEquals(ITEMS / 3, metadata.itemCount());
    assertEquals("#s = :v", metadata.selection().filter());
    assertNull(metadata.selection().projection());
    assertEquals(Map.of("#s", "status"), metadata.selection().names());
    assertEquals("{\":v\":{\"S\":\"active\"}}", metadata.selection().values().toString());
    assertTrue(run.stdout().contains("partial export:"), run.stdout());
  }

  @Test
  void aProjectedExportHoldsOnlyTheProjectedAttributes() throws Exception {
    Path out = tmp.resolve("projected");
    ExportRun run =
        successfulExport(
            out,
            4,
            "--format",
            "dynamodb-json",
            "--projection",
            "pk, sk, #b.c",
            "--names",
            "{\"#b\":\"body\"}");
    assertFalse(run.stderr().contains("Warning"), run.stderr());

    List<Map<String, AttributeValue>> expected = new ArrayList<>();
    for (Map<String, AttributeValue> item : source) {
      Map<String, AttributeValue> projected = new LinkedHashMap<>();
      projected.put("pk", item.get("pk"));
      projected.put("sk", item.get("sk"));
      projected.put("body", AttributeValue.fromM(Map.of("c", item.get("body").m().get("c"))));
      expected.add(projected);
    }
    PkSkTables.assertSameItems(expected, PublishedNativeLayout.read(out).items());
    assertEquals("pk, sk, #b.c", ExportFiles.metadata(out).selection().projection());
  }

  @Test
  void expressionsDynamoDbRefusesStopTheExportBeforeItStarts() throws Exception {
    Path out = tmp.resolve("refused");
    ExportRun run =
        export(
            out.toString(),
            TABLE,
            "--filter",
            "status = :v",
            "--values",
            "{\":v\":{\"S\":\"active\"}}");
    assertEquals(2, run.status(), run::stderr);
    assertTrue(
        run.stderr().contains("DynamoDB refused the scan's projection or filter"), run.stderr());
    assertTrue(run.stderr().contains("reserved"), run.stderr());
    assertFalse(Files.exists(out));
    assertNull(run.tool().counters(), "no job ran");

    run = export(tmp.resolve("undefined").toString(), TABLE, "--filter", "#s = :v");
    assertEquals(2, run.status(), run::stderr);
    assertTrue(run.stderr().contains("[#s]") && run.stderr().contains("not defined"), run.stderr());
  }

  @Test
  void consistentReadReachesTheScanAndCostsTwice() throws Exception {
    ExportRun eventual = successfulExport(tmp.resolve("eventual"), 2);
    ExportRun consistent = successfulExport(tmp.resolve("consistent"), 2, "--consistent-read");
    double ratio = (double) capacity(consistent) / capacity(eventual);
    assertTrue(ratio > 1.8 && ratio < 2.2, "consistent reads cost twice: ratio " + ratio);
  }

  @Test
  void aPlainJsonExportHoldsEveryItemWithItsValuesAsPlainJson() throws Exception {
    Path out = tmp.resolve("json");
    successfulExport(out, 3, "--format", "json", "--compression", "gzip");

    assertFalse(Files.exists(out.resolve("manifest")), "no Data Pipeline manifest");
    ExportMetadata metadata = ExportFiles.metadata(out);
    assertEquals(ExportMetadata.JSON_LINES, metadata.dataFormat());
    assertEquals(ITEMS, metadata.itemCount());
    Map<List<String>, Map<String, AttributeValue>> byKey = new HashMap<>();
    for (Map<String, AttributeValue> item : source) {
      byKey.put(keyOf(item.get("pk").s(), new BigDecimal(item.get("sk").n())), item);
    }
    ObjectMapper json =
        new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS);
    int lines = 0;
    for (DataFileStats f : metadata.files()) {
      assertTrue(f.name().endsWith(".json.gz"), f.name());
      byte[] text;
      try (InputStream in = new GZIPInputStream(Files.newInputStream(out.resolve(f.name())))) {
        text = in.readAllBytes();
      }
      for (String line : ExportFiles.lines(text, f.name())) {
        JsonNode node = json.readTree(line);
        Map<String, AttributeValue> expected =
            byKey.remove(keyOf(node.get("pk").asText(), node.get("sk").decimalValue()));
        assertTrue(expected != null, "an item not in the table, or twice: " + node);
        PlainJsonExpectation.assertMatches(expected, node);
        lines++;
      }
    }
    assertEquals(ITEMS, lines);
    assertTrue(byKey.isEmpty(), byKey.size() + " items missing");
  }

  private static List<String> keyOf(String pk, BigDecimal sk) {
    return List.of(pk, sk.stripTrailingZeros().toPlainString());
  }

  private static long capacity(ExportRun run) {
    return run.tool().counters().findCounter(DdbioCounter.READ_CAPACITY_MILLIUNITS).getValue();
  }
}
