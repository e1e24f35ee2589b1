package io.ddbio.importer.job;

import io.ddbio.dynamodb.TableInfo;
import io.ddbio.importer.check.KeySchemaCheck;
import io.ddbio.importer.check.NativeCountCheck;
import io.ddbio.importer.input.NativeExportInputFormat;
import io.ddbio.importer.layout.NativeExportLayout;
import io.ddbio.importer.lines.NativeLineFormat;
import io.ddbio.metrics.DdbioCounter;
import java.io.IOException;
import java.util.Optional;
import java.util.function.ToLongFunction;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.mapreduce.Job;

/**
 * A native DynamoDB "Export to S3" in {@code DYNAMODB_JSON} or {@code ION}, full or incremental,
 * read by {@link NativeExportInputFormat} over the files its manifest lists and {@link
 * NativeExportMapper}.
 *
 * <p>Order: each file is one task, which applies its lines in order. Files run in parallel, so
 * nothing orders one file's writes against another's. DynamoDB writes an incremental export per
 * partition, so one key's change is in one file and the order across files does not matter; an
 * export edited to spread one key over several files would restore in no defined order. A task
 * attempt that is retried applies its whole file again, in order, which ends in the same state.
 *
 * @param layout its manifests and data files
 */
record NativeExportSource(NativeExportLayout layout) implements ImportSource {

  @Override
  public void checkKeys(TableInfo table, Configuration conf) throws IOException {
    KeySchemaCheck.check(table, layout, conf);
  }

  /** Each data file becomes one map task. */
  @Override
  public int configureInput(Job job) {
    job.setInputFormatClass(NativeExportInputFormat.class);
    NativeExportInputFormat.setExport(job, layout.directory());
    job.getConfiguration()
        .setBoolean(NativeExportMapper.INCREMENTAL_KEY, layout.summary().incremental());
    job.getConfiguration().set(NativeLineFormat.KEY, layout.lineFormat().name());
    job.setMapperClass(NativeExportMapper.class);
    return fileCount();
  }

  @Override
  public long itemCount() {
    return layout.summary().itemCount();
  }

  @Override
  public boolean incremental() {
    return layout.summary().incremental();
  }

  @Override
  public int fileCount() {
    return layout.files().size();
  }

  /** From the size DynamoDB billed the export for, which is what it charges items by. */
  @Override
  public Optional<ItemSizes> itemSizes() {
    long items = layout.summary().itemCount();
    long billed = layout.summary().billedSizeBytes();
    return items > 0 && billed > 0
        ? Optional.of(
            new ItemSizes((double) billed / items, "the export's billed size in its summary"))
        : Optional.empty();
  }

  @Override
  public Optional<String> countProblem(ToLongFunction<DdbioCounter> counters) {
    return NativeCountCheck.of(counters, layout.summary().itemCount()).problem();
  }
}
