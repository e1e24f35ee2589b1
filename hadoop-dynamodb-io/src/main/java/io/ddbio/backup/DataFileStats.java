package io.ddbio.backup;

/**
 * What an export recorded of one data file.
 *
 * @param name the file's name within the export directory
 * @param items items (lines) in the file
 * @param bytes the file's stored size (compressed, when compressed)
 * @param sha256 hex SHA-256 of the stored bytes
 */
public record DataFileStats(String name, long items, long bytes, String sha256) {}
