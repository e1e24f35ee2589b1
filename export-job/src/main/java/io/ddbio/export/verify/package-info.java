/**
 * {@code verify}: is a backup what its records say, and does it match its table? {@link
 * io.ddbio.export.verify.VerifyTool} parses the command line; {@link
 * io.ddbio.export.verify.backup.BackupVerifier} checks the files on any Hadoop file system (the
 * Data Pipeline layout through {@code DataPipelineFiles}, the native one through {@code
 * NativeFiles}, each file read once by {@code DataFileReader}); {@code TableVerifier} counts the
 * table exactly ({@code TableCounter}) and compares items ({@code TableItemsCheck}). Everything
 * found goes into a {@link io.ddbio.export.verify.VerifyReport}.
 */
package io.ddbio.export.verify;
