/**
 * The export job: a map-only MapReduce job that scans a DynamoDB table into Data Pipeline v3 files.
 *
 * <p>{@link io.ddbio.export.ExportTool} parses the command line ({@link
 * io.ddbio.export.ExportArguments}), checks the table and the output directory, and runs the job:
 * {@code DynamoDBInputFormat} → {@link io.ddbio.export.ExportMapper} (item → line) → {@link
 * io.ddbio.export.ExportOutputFormat} (one data file per task, with its item count, size and
 * SHA-256) → {@link io.ddbio.export.ExportCommitter} (the committed files, then {@code manifest},
 * {@code ddbio-export.json} and {@code _SUCCESS}).
 */
package io.ddbio.export;
