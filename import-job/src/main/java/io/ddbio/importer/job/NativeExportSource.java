package io.ddbio.importer.job;

import io.ddbio.backup.ExportMetadata;
import io.ddbio.dynamodb.TableInfo;
import io.ddbio.importer.check.KeySchemaCheck;
import io.ddbio.importer.check.NativeCountCheck;
import io.ddbio.importer.layout.NativeExportLayout;
import io.ddbio.metrics.DdbioCounter;
import java.io.IOException;
import java.util.Optional;
import java.util.function.ToLongFunction;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapreduce.Job;

/**
 * A native DynamoDB "Export to S3" in {@code DYNAMODB_JSON} or {@code ION}, full or incremental.
 *
 * @param layout its manifests and data files
 */
record NativeExportSource(NativeExportLayout layout) implements ImportSource {

  @Override
  public Path directory() {
    return layout.directory();
  }

  @Override
  public Optional<ExportMetadata> metadata() {
    return layout.metadata();
  }

  /** Every file is listed in {@code manifest-files.json}: a native export is never unchecked. */
  @Override
  public Optional<String> uncheckedFiles() {
    return Optional.empty();
  }

  @Override
  public void checkKeys(TableInfo table, Configuration conf) throws IOException {
    KeySchemaCheck.check(table, layout, conf);
  }

  @Override
  public Job createJob(Configuration conf) throws IOException {
    return NativeImportJob.create(conf, layout);
  }

  @Override
  public Optional<String> countProblem(ToLongFunction<DdbioCounter> counters) {
    return NativeCountCheck.of(counters, layout.summary().itemCount()).problem();
  }
}
