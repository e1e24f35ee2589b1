package io.ddbio.importer.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbio.backup.TableSchema;
import io.ddbio.capacity.OnDemandRate;
import io.ddbio.config.DdbioOptions;
import io.ddbio.dynamodb.TableInfo;
import io.ddbio.importer.Backups;
import io.ddbio.importer.NativeExports;
import io.ddbio.importer.job.ImportSource;
import io.ddbio.importer.layout.BackupFormat;
import io.ddbio.mapreduce.HadoopOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code --create-table} refuses before it calls DynamoDB (the endpoint here does not exist,
 * so any call would fail differently).
 */
class TestTableCreator {
  private static final TableSchema ON_DEMAND =
      new TableSchema(
          "Source",
          List.of(new TableSchema.Key("pk", "HASH")),
          List.of(new TableSchema.Attribute("pk", "S")),
          "PAY_PER_REQUEST",
          0,
          0,
          List.of(),
          List.of());

  @TempDir Path tmp;

  private static DdbioOptions options(String... keysAndValues) {
    Configuration conf = new Configuration(false);
    conf.set("dynamodb.output.tableName", "Copy");
    conf.set("dynamodb.endpoint", "http://127.0.0.1:1");
    conf.set("dynamodb.region", "us-east-1");
    for (int i = 0; i < keysAndValues.length; i += 2) {
      conf.set(keysAndValues[i], keysAndValues[i + 1]);
    }
    return HadoopOptions.from(conf);
  }

  private ImportSource backupRecording(TableSchema schema) throws IOException {
    Path backup = Backups.copyFixture("datapipeline-v3", tmp.resolve("backup"));
    Backups.writeMetadata(backup, Backups.v3DataFiles(backup), 40, schema);
    return ImportSource.locate(
        Backups.hadoop(backup), BackupFormat.AUTO, new Configuration(), false);
  }

  private static String failure(ImportSource source, TableCreation creation, DdbioOptions o) {
    return assertThrows(IOException.class, () -> TableCreator.create(source, creation, o))
        .getMessage();
  }

  @Test
  void anExportWithoutSchemaIsRefusedWithWhatToDo() throws IOException {
    ImportSource nativeExport =
        ImportSource.locate(
            Backups.hadoop(NativeExports.fixtureExport()),
            BackupFormat.AUTO,
            new Configuration(),
            false);
    String m = failure(nativeExport, TableCreation.AS_RECORDED, options());
    assertTrue(m.contains("only exports written by ddbio record it"), m);
    assertTrue(m.contains("Create table \"Copy\""), m);
  }

  @Test
  void anOnDemandTableIsCreatedWithoutWriteUnitsAndBudgetedAsANewOnDemandTable()
      throws IOException {
    // No --write-units: the import budgets the new table as on demand (OnDemandBudget).
    TableInfo planned =
        TableCreator.planned(backupRecording(ON_DEMAND), TableCreation.AS_RECORDED, options());
    assertTrue(planned.onDemand());
    assertEquals(0, planned.writeUnits());
    assertEquals(
        OnDemandRate.NEW_TABLE_WRITE_UNITS,
        OnDemandRate.of(planned.description(), false, Optional.empty()).atOnce());
  }

  @Test
  void capacityCannotBeGivenForAnOnDemandTable() throws IOException {
    String m =
        failure(
            backupRecording(ON_DEMAND),
            new TableCreation(10, 10),
            options("dynamodb.throughput.write", "100"));
    assertTrue(m.contains("apply to provisioned tables only"), m);
  }
}
