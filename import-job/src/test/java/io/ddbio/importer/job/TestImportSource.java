package io.ddbio.importer.job;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbio.importer.Backups;
import io.ddbio.importer.NativeExports;
import io.ddbio.importer.layout.BackupFormat;
import io.ddbio.testkit.Fixtures;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;

/** Which layout the import reads, detected or as {@code --format} names it. */
class TestImportSource {
  private static final Configuration CONF = new Configuration();
  private static final Path DATA_PIPELINE = Fixtures.root().resolve("datapipeline-v3");

  private static ImportSource locate(Path dir, BackupFormat format) throws IOException {
    return ImportSource.locate(Backups.hadoop(dir), format, CONF, false);
  }

  private static String failure(Path dir, BackupFormat format) {
    return assertThrows(IOException.class, () -> locate(dir, format)).getMessage();
  }

  @Test
  void autoReadsANativeExportAsOneAndAnythingElseAsDataPipeline() throws IOException {
    assertInstanceOf(
        NativeExportSource.class, locate(NativeExports.fixtureExport(), BackupFormat.AUTO));
    assertInstanceOf(
        NativeExportSource.class, locate(NativeExports.fixturePrefix(), BackupFormat.AUTO));
    assertInstanceOf(DataPipelineSource.class, locate(DATA_PIPELINE, BackupFormat.AUTO));
  }

  @Test
  void aFormatGivenIsTheOneRead() throws IOException {
    assertInstanceOf(
        NativeExportSource.class,
        locate(NativeExports.fixtureExport(), BackupFormat.DYNAMODB_JSON));
    assertInstanceOf(DataPipelineSource.class, locate(DATA_PIPELINE, BackupFormat.DATA_PIPELINE));

    String m = failure(NativeExports.fixtureExport(), BackupFormat.DATA_PIPELINE);
    assertTrue(m.contains("native DynamoDB export") && m.contains("--format dynamodb-json"), m);
    m = failure(DATA_PIPELINE, BackupFormat.DYNAMODB_JSON);
    assertTrue(m.contains("is not a native DynamoDB export"), m);
  }

  @Test
  void aMissingInputIsNamedWhateverTheFormat() {
    for (BackupFormat format : BackupFormat.values()) {
      String m = failure(Path.of("/no/such/backup"), format);
      assertTrue(m.contains("/no/such/backup does not exist"), format + ": " + m);
    }
  }
}
