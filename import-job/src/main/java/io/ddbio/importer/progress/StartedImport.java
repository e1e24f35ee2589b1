package io.ddbio.importer.progress;

/**
 * What a progress directory belongs to, written before the first run's job: a resume must import
 * the same backup into the same table, or the files it skips would be another import's.
 *
 * @param backup the backup directory, qualified
 * @param table the destination table
 * @param startTime when the first run started, ISO-8601
 */
public record StartedImport(String backup, String table, String startTime) {}
