/**
 * The layouts an export writes: the line format ({@code ExportFormat}), compression, data file
 * names, the native Export to S3 directory and manifests, and the index files written at job commit
 * from a {@code CommittedExport}. Pure description of files; no Hadoop job types except the codec
 * names.
 */
package io.ddbio.export.layout;
