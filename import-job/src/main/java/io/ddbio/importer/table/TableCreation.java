package io.ddbio.importer.table;

/**
 * What {@code --create-table} asks for: a new table shaped as the export recorded, with its
 * provisioned capacity taken from the export unless given.
 *
 * @param readUnits read capacity units of the table and each global index; 0 keeps the source's
 * @param writeUnits write capacity units of the table and each global index; 0 keeps the source's
 */
public record TableCreation(long readUnits, long writeUnits) {

  /** The source's capacity, as recorded. */
  public static final TableCreation AS_RECORDED = new TableCreation(0, 0);

  /** Whether capacity was given on the command line. */
  public boolean overridesCapacity() {
    return readUnits > 0 || writeUnits > 0;
  }
}
