/**
 * How an export is committed: {@code ExportCommitter} publishes the committed task attempts' data
 * files, then the index files, {@code ddbio-export.json} and {@code _SUCCESS}; the task's file
 * stats travel to it through {@code TaskStatsFiles}; {@code PublishedFiles} checks that what is
 * published is exactly what was counted; {@code ExportWithdrawal} takes back an export that failed.
 * Uses {@code layout} for what to write.
 */
package io.ddbio.export.commit;
