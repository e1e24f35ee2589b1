/**
 * The task side of an export: {@code ExportOutputFormat} and its record writer write one data file
 * per task attempt in its work directory, counting its items and bytes and digesting them (SHA-256,
 * MD5) as they are written. Uses {@code layout} for names and {@code commit} for the stats it hands
 * on.
 */
package io.ddbio.export.output;
