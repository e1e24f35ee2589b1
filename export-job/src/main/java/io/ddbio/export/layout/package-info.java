/**
 * The layouts an export writes: the line format ({@code ExportFormat}), compression, data file
 * names, the native Export to S3 directory and manifests, and the index files written at job commit
 * from a {@code CommittedExport}, and the notes that tell a user where the data is. Pure
 * description of files; no Hadoop job types except the codec names.
 */
package io.ddbio.export.layout;
