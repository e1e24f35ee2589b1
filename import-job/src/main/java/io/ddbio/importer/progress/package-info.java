/**
 * The import's record of progress, which lets {@code --resume} skip the data files a failed or
 * killed import had completely written: one small record per file, written when its task commits
 * ({@link io.ddbio.importer.progress.ProgressCommitter}), in a directory beside the import's other
 * outputs ({@link io.ddbio.importer.progress.ImportProgress}). It uses Hadoop's file systems and
 * the MapReduce committer protocol, and nothing else of the import.
 */
package io.ddbio.importer.progress;
