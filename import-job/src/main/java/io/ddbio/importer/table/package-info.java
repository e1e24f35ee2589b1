/**
 * The destination table: described before anything is read or written ({@code DestinationTable}),
 * and created as the export recorded it with {@code --create-table} ({@code TableCreator}). The
 * only package of the import that changes a table's definition.
 */
package io.ddbio.importer.table;
