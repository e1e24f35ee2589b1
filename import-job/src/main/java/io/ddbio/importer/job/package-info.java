/**
 * The import job: the two sources a backup can be ({@code DataPipelineSource}, {@code
 * NativeExportSource}) with the steps that depend on their layout, the job wiring every import
 * shares ({@code ImportJob}), the mappers (line to item or delete, over the counting and failure
 * handling of {@code DataFileMapper}) and the output format into the table and the rejects
 * directory. Uses {@code layout}, {@code input}, {@code lines}, {@code check}, {@code reject} and
 * the library's {@code DynamoDBOutputFormat}.
 */
package io.ddbio.importer.job;
