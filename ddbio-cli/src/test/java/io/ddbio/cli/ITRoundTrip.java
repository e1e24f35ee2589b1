package io.ddbio.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbio.backup.DataFileStats;
import io.ddbio.backup.DataPipelineManifest;
import io.ddbio.backup.ExportMetadata;
import io.ddbio.export.ExportTool;
import io.ddbio.importer.ImportTool;
import io.ddbio.testkit.KeySpec;
import io.ddbio.testkit.Tables;
import io.ddbio.testkit.items.ItemEquivalence;
import io.ddbio.testkit.items.RandomItems;
import io.ddbio.testkit.junit.LocalDynamoDb;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.hadoop.util.ToolRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Table → export → import into a fresh table → exactly the same items, through the real tools on
 * LocalJobRunner and DynamoDB Local: 5,000 random items of every type (unicode with astral
 * characters and U+2028, 38-digit numbers at DynamoDB's range limits, binary of every byte value,
 * empty lists and maps, deep nesting) and some near 400 KB.
 */
class ITRoundTrip {
  private static final int ITEMS = 5_000;

  @RegisterExtension static final LocalDynamoDb ddb = LocalDynamoDb.started();

  @Test
  void exportThenImportGivesExactlyTheSameItems(@TempDir Path tmp) throws Exception {
    RandomItems generator =
        RandomItems.builder()
            .seed(7)
            .hashKey("pk", ScalarAttributeType.S)
            .rangeKey("sk", ScalarAttributeType.N)
            .largeItemEvery(1000)
            .build();
    List<Map<String, AttributeValue>> source = generator.items(ITEMS);
    Tables.createTable(
        ddb.client(), "RoundTripSource", KeySpec.string("pk"), KeySpec.number("sk"), 5000, 5000);
    Tables.putAll(ddb.client(), "RoundTripSource", source);

    Path export = tmp.resolve("export");
    String endpoint = ddb.endpoint().toString();
    assertEquals(
        0,
        ToolRunner.run(
            Main.LocalHadoop.conf(),
            new ExportTool(),
            new String[] {
              export.toString(),
              "RoundTripSource",
              "1.0",
              "4",
              "--compression",
              "gzip",
              "--endpoint",
              endpoint
            }));

    ExportMetadata metadata;
    try (InputStream in = Files.newInputStream(export.resolve(ExportMetadata.FILE_NAME))) {
      metadata = ExportMetadata.read(in, "metadata");
    }
    assertEquals(ITEMS, metadata.itemCount());
    assertEquals("pk", metadata.table().keySchema().get(0).attributeName());
    Set<String> dataFiles;
    try (Stream<Path> files = Files.list(export)) {
      dataFiles =
          files
              .map(p -> p.getFileName().toString())
              .filter(n -> n.endsWith(".gz"))
              .collect(Collectors.toSet());
    }
    assertEquals(
        dataFiles, metadata.files().stream().map(DataFileStats::name).collect(Collectors.toSet()));
    for (DataFileStats f : metadata.files()) {
      byte[] bytes = Files.readAllBytes(export.resolve(f.name()));
      assertEquals(f.bytes(), bytes.length, f.name());
      assertEquals(
          f.sha256(),
          HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)),
          f.name());
    }
    try (InputStream in = Files.newInputStream(export.resolve(DataPipelineManifest.FILE_NAME))) {
      Set<String> listed =
          DataPipelineManifest.parse(in, "manifest").stream()
              .map(e -> e.url().substring(e.url().lastIndexOf('/') + 1))
              .collect(Collectors.toSet());
      assertEquals(dataFiles, listed);
    }
    assertTrue(Files.exists(export.resolve("_SUCCESS")));

    Tables.createTable(
        ddb.client(), "RoundTripCopy", KeySpec.string("pk"), KeySpec.number("sk"), 5000, 5000);
    assertEquals(
        0,
        ToolRunner.run(
            Main.LocalHadoop.conf(),
            new ImportTool(),
            new String[] {export.toString(), "RoundTripCopy", "1.0", "--endpoint", endpoint}));

    List<Map<String, AttributeValue>> copy = Tables.scanAll(ddb.client(), "RoundTripCopy");
    assertEquals(ITEMS, copy.size());
    ItemEquivalence.assertSameItems(source, copy, generator.keyAttributes());
    // ./ddbio verify: the backup against its records and, item by item, against the copy.
    assertEquals(
        0,
        Main.run(
            new String[] {
              "verify",
              export.toString(),
              "--table",
              "RoundTripCopy",
              "--items",
              "--endpoint",
              endpoint
            },
            System.out,
            System.err));
  }

  @Test
  void theDemoCommandSucceeds(@TempDir Path tmp) throws Exception {
    assertEquals(
        0,
        Main.run(
            new String[] {"demo", "--items", "1500", "--work-dir", tmp.toString()},
            System.out,
            System.err));
  }
}
