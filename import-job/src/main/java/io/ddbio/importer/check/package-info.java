/**
 * The import's checks: before the job (the key schema, a partial export, the recorded files and
 * checksums) and after it (the item counts); and what DynamoDB would refuse in one item. Each check
 * names the file, line and reason it fails on. Uses {@code lines} to read and the layouts' records;
 * writes nothing.
 */
package io.ddbio.importer.check;
