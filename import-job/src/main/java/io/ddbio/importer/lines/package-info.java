/**
 * How a data file's lines are read and decoded: numbered, decompressed lines of one file ({@code
 * DataFileLines}), a Data Pipeline or DynamoDB-JSON line into an item ({@code BackupLineDecoder}),
 * and a native export's line syntax ({@code NativeLineFormat}). Uses the library's item codecs
 * only.
 */
package io.ddbio.importer.lines;
