/**
 * Where a backup's layout is recognised: a Data Pipeline manifest or a listing of data files
 * ({@code BackupLayout}), a native Export to S3 and its manifests ({@code NativeExportLayout}),
 * what both tell ({@code Layout}), the manifest's URLs resolved to files, and {@code --format}.
 * Uses the library's backup records and the checks that a layout runs while it is found; never
 * DynamoDB.
 */
package io.ddbio.importer.layout;
