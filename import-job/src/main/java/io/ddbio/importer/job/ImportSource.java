package io.ddbio.importer.job;

import io.ddbio.backup.ExportMetadata;
import io.ddbio.dynamodb.TableInfo;
import io.ddbio.importer.layout.BackupFormat;
import io.ddbio.importer.layout.BackupLayout;
import io.ddbio.importer.layout.Layout;
import io.ddbio.importer.layout.NativeExportLayout;
import io.ddbio.metrics.DdbioCounter;
import java.io.IOException;
import java.util.Optional;
import java.util.function.ToLongFunction;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapreduce.Job;

/**
 * A backup found at the import's input, with the steps of the import that depend on its layout:
 * checking its key against the table, how the job reads it, and the final count check. One
 * implementation per layout; what they share is written here once.
 */
public sealed interface ImportSource permits DataPipelineSource, NativeExportSource {

  /**
   * Finds the backup at {@code input}.
   *
   * @param format the layout asked for; {@link BackupFormat#AUTO} reads a native export when the
   *     input is one (or a prefix above one), a Data Pipeline export otherwise
   * @param allowNoManifest whether a Data Pipeline export's data files may be imported without a
   *     manifest ({@code --allow-no-manifest}); a native export always needs its manifests
   * @throws IOException naming what is missing or wrong
   */
  static ImportSource locate(
      Path input, BackupFormat format, Configuration conf, boolean allowNoManifest)
      throws IOException {
    boolean nativeExport =
        switch (format) {
          case AUTO -> NativeExportLayout.isNativeExport(input, conf);
          case DATA_PIPELINE -> false;
          case DYNAMODB_JSON -> true;
        };
    return nativeExport
        ? new NativeExportSource(NativeExportLayout.locate(input, conf))
        : new DataPipelineSource(BackupLayout.locate(input, conf, allowNoManifest));
  }

  /** Where the backup's data is. */
  Layout layout();

  /** The directory read, qualified. */
  default Path directory() {
    return layout().directory();
  }

  /** Our {@code ddbio-export.json}, when the backup has it: the source table's schema. */
  default Optional<ExportMetadata> metadata() {
    return layout().metadata();
  }

  /** What to warn of when the files are imported unchecked ({@link Layout#uncheckedFiles}). */
  default Optional<String> uncheckedFiles() {
    return layout().uncheckedFiles();
  }

  /**
   * Fails, before anything is written, unless the backup's key fits the table's.
   *
   * @throws IOException naming the attribute that differs
   */
  void checkKeys(TableInfo table, Configuration conf) throws IOException;

  /**
   * The import job (not yet submitted), with the output table and throughput set in conf.
   *
   * @param skipped how many data files a resumed import leaves out, as done by earlier runs
   */
  default Job createJob(Configuration conf, int skipped) throws IOException {
    return ImportJob.create(conf, this, skipped);
  }

  /**
   * Makes {@code job} read this backup: its input format, its mapper and what the tasks must know.
   *
   * @return the job's number of splits (one per data file)
   */
  int configureInput(Job job) throws IOException;

  /** How many items the backup says it holds, 0 when it does not say (a Data Pipeline manifest). */
  long itemCount();

  /** Whether the backup holds changes (an incremental native export) rather than whole items. */
  default boolean incremental() {
    return false;
  }

  /** How many data files the backup has: the job's tasks, unless a resume skips some. */
  int fileCount();

  /**
   * The items' average size as far as the backup's records tell, without reading an item; empty
   * when they do not tell (a Data Pipeline manifest, compressed lines, a small native export).
   */
  Optional<ItemSizes> itemSizes();

  /** What is wrong with a finished job's counts; empty when they agree. */
  Optional<String> countProblem(ToLongFunction<DdbioCounter> counters);
}
