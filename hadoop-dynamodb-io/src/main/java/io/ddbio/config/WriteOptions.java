package io.ddbio.config;

/**
 * How a table is written.
 *
 * @param table the table name
 * @param throughput the write budget
 */
public record WriteOptions(String table, ThroughputOptions throughput) {}
