package io.ddbio.importer.job;

import io.ddbio.backup.ExportMetadata;
import io.ddbio.dynamodb.TableInfo;
import io.ddbio.importer.check.ItemCountCheck;
import io.ddbio.importer.check.KeySchemaCheck;
import io.ddbio.importer.check.StoredChecksum;
import io.ddbio.importer.input.BackupInputFormat;
import io.ddbio.importer.layout.BackupLayout;
import io.ddbio.metrics.DdbioCounter;
import java.io.IOException;
import java.util.Optional;
import java.util.function.ToLongFunction;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapreduce.Job;

/**
 * A Data Pipeline export (ours or AWS's), found through its manifest or by listing, read by {@link
 * BackupInputFormat} and {@link ImportMapper}.
 *
 * @param layout where its data is
 */
record DataPipelineSource(BackupLayout layout) implements ImportSource {

  @Override
  public void checkKeys(TableInfo table, Configuration conf) throws IOException {
    KeySchemaCheck.check(table, layout, conf);
  }

  /** Each data file becomes one map task. */
  @Override
  public int configureInput(Job job) throws IOException {
    job.setInputFormatClass(BackupInputFormat.class);
    BackupInputFormat.setBackup(job, layout);
    job.setMapperClass(ImportMapper.class);
    if (layout.metadata().isPresent()) {
      StoredChecksum.configure(
          job.getConfiguration(), new Path(layout.directory(), ExportMetadata.FILE_NAME));
    }
    return fileCount();
  }

  @Override
  public long itemCount() {
    return layout.metadata().map(ExportMetadata::itemCount).orElse(0L);
  }

  @Override
  public int fileCount() {
    return layout.dataFiles().size();
  }

  /** From the size of uncompressed lines, which have quotes, tags and base64 the items have not. */
  @Override
  public Optional<ItemSizes> itemSizes() {
    return layout
        .metadata()
        .filter(m -> m.compression() == null && m.itemCount() > 0 && m.byteCount() > 0)
        .map(
            m ->
                new ItemSizes(
                    (double) m.byteCount() / m.itemCount(),
                    "the size of its lines, as "
                        + ExportMetadata.FILE_NAME
                        + " records it, which is more than the items'"));
  }

  @Override
  public Optional<String> countProblem(ToLongFunction<DdbioCounter> counters) {
    return ItemCountCheck.of(counters, layout.metadata()).problem();
  }
}
