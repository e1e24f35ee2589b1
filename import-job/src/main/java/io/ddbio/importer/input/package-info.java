/**
 * The Hadoop input side of the import: one split per data file and the record readers that hand its
 * numbered lines to the mappers, for a Data Pipeline backup ({@code BackupInputFormat}) and for a
 * native export checked against its manifest ({@code NativeExportInputFormat}). Uses {@code layout}
 * for the files and {@code lines} and {@code check} for reading them.
 */
package io.ddbio.importer.input;
