package io.ddbio.export.verify.backup;

import io.ddbio.backup.DataFileStats;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.hadoop.fs.Path;

/**
 * A data file a backup says it holds, with everything its index files record about it; what is not
 * recorded is empty and not checked.
 *
 * @param name the file's path below the backup directory
 * @param path where it is looked for: below the backup directory being verified, whatever place an
 *     index names, so that a copy is checked rather than its original
 * @param items the items recorded for it (metadata, or the native manifest's itemCount)
 * @param stats what {@code ddbio-export.json} records, when it does
 * @param md5Base64 a native manifest's {@code md5Checksum}
 */
record ExpectedFile(
    String name,
    Path path,
    OptionalLong items,
    Optional<DataFileStats> stats,
    Optional<String> md5Base64) {}
