package io.ddbio.importer.job;

/**
 * How large a backup's items are, as its records tell without reading one: what an import's plan
 * estimates write units from, since a put is charged by its item's size.
 *
 * @param averageBytes the average item size
 * @param basis where the figure comes from, said in the plan
 */
public record ItemSizes(double averageBytes, String basis) {}
