/**
 * Verify's check of a backup against its own records, on any Hadoop file system: the index files,
 * each data file read once (its size, SHA-256, MD5, lines and items) for the Data Pipeline and the
 * native layouts, and the native manifests' own checksum files. Reports into {@code VerifyReport};
 * never reads the table.
 */
package io.ddbio.export.verify.backup;
