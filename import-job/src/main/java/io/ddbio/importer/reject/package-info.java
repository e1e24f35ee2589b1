/**
 * Bad records: whether they fail the task or are set aside ({@code BadRecordOptions}), one task's
 * rejects file of JSON lines, and the committer that publishes the rejects directory with the job.
 * Uses Hadoop's file output committer; knows nothing of DynamoDB.
 */
package io.ddbio.importer.reject;
