/**
 * How an export is committed, and resumed: {@code ExportCommitter} publishes the committed task
 * attempts' data files, then the index files, {@code ddbio-export.json} and {@code _SUCCESS}; each
 * task's segments and file stats travel to it through {@code TaskStatsFiles}; {@code
 * PublishedFiles} checks that what is published is exactly what was counted; {@code
 * ExportWithdrawal} takes back an export that failed with nothing committed. A failed export keeps
 * its committed tasks and {@code StartedExport}, from which a rerun with {@code --resume} finds its
 * {@code ResumePoint}. Uses {@code layout} for what to write.
 */
package io.ddbio.export.commit;
