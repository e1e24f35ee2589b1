package io.ddbio.importer.job;

import io.ddbio.config.DdbioKeys;
import io.ddbio.importer.input.NativeExportInputFormat;
import io.ddbio.importer.layout.NativeExportLayout;
import io.ddbio.importer.lines.NativeLineFormat;
import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.mapreduce.Job;

/**
 * Wires the map-only import of a native export: {@link NativeExportInputFormat} over the files its
 * manifest lists, {@link NativeExportMapper}, and the same table output as every import ({@link
 * ImportJob#writeToTable}).
 *
 * <p>Order: each file is one task, which applies its lines in order. Files run in parallel, so
 * nothing orders one file's writes against another's. DynamoDB writes an incremental export per
 * partition, so one key's change is in one file and the order across files does not matter; an
 * export edited to spread one key over several files would restore in no defined order. A task
 * attempt that is retried applies its whole file again, in order, which ends in the same state.
 */
public final class NativeImportJob {
  private NativeImportJob() {}

  /**
   * Creates the job (not yet submitted).
   *
   * @param conf the configuration, with the output table and throughput options set
   * @param layout the export; each data file becomes one map task
   */
  public static Job create(Configuration conf, NativeExportLayout layout) throws IOException {
    String table = conf.get(DdbioKeys.OUTPUT_TABLE.name());
    Job job = Job.getInstance(conf, "ddbio import of " + layout.directory() + " into " + table);
    job.setJarByClass(NativeImportJob.class);
    job.setInputFormatClass(NativeExportInputFormat.class);
    NativeExportInputFormat.setExport(job, layout.directory());
    job.getConfiguration()
        .setBoolean(NativeExportMapper.INCREMENTAL_KEY, layout.summary().incremental());
    job.getConfiguration().set(NativeLineFormat.KEY, layout.lineFormat().name());
    job.setMapperClass(NativeExportMapper.class);
    ImportJob.writeToTable(job, layout.files().size());
    return job;
  }
}
