/**
 * The export job: a map-only MapReduce job that scans a DynamoDB table into Data Pipeline v3 files
 * or into the layout of DynamoDB's native "Export to S3" ({@link
 * io.ddbio.export.layout.ExportFormat}).
 *
 * <p>{@link io.ddbio.export.ExportTool} parses the command line ({@link
 * io.ddbio.export.ExportArguments}) and runs a {@code TableExport} for its table, or a {@code
 * SeveralExports} for several at the same time, each to the directory {@code ExportDirectories}
 * names. A table's export checks the table, the output directory and the scan's projection and
 * filter, and runs the job: {@code DynamoDBInputFormat} → {@link io.ddbio.export.ExportMapper}
 * (item → line) → {@link io.ddbio.export.output.ExportOutputFormat} (one data file per task, with
 * its item count, size, SHA-256 and MD5) → {@link io.ddbio.export.commit.ExportCommitter} (the
 * committed files, then the format's index files, {@code ddbio-export.json} and {@code _SUCCESS}).
 * {@code io.ddbio.export.verify} checks an export afterwards.
 */
package io.ddbio.export;
