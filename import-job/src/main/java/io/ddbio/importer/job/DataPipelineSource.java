package io.ddbio.importer.job;

import io.ddbio.backup.ExportMetadata;
import io.ddbio.dynamodb.TableInfo;
import io.ddbio.importer.check.ItemCountCheck;
import io.ddbio.importer.check.KeySchemaCheck;
import io.ddbio.importer.layout.BackupLayout;
import io.ddbio.metrics.DdbioCounter;
import java.io.IOException;
import java.util.Optional;
import java.util.function.ToLongFunction;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapreduce.Job;

/**
 * A Data Pipeline export (ours or AWS's), found through its manifest or by listing.
 *
 * @param layout where its data is
 */
record DataPipelineSource(BackupLayout layout) implements ImportSource {

  @Override
  public Path directory() {
    return layout.directory();
  }

  @Override
  public Optional<ExportMetadata> metadata() {
    return layout.metadata();
  }

  @Override
  public Optional<String> uncheckedFiles() {
    return layout.uncheckedFiles();
  }

  @Override
  public void checkKeys(TableInfo table, Configuration conf) throws IOException {
    KeySchemaCheck.check(table, layout, conf);
  }

  @Override
  public Job createJob(Configuration conf) throws IOException {
    return ImportJob.create(conf, layout);
  }

  @Override
  public Optional<String> countProblem(ToLongFunction<DdbioCounter> counters) {
    return ItemCountCheck.of(counters, layout.metadata()).problem();
  }
}
