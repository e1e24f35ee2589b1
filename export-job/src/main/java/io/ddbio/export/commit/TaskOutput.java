package io.ddbio.export.commit;

/**
 * A committed task's record: the segments it read and the data file it wrote. A task that read
 * segments holding no item (after the filter, if any) has no file; its segments are still done.
 *
 * @param segments what the task read; null only in records of a task that wrote a file through the
 *     export's output format without the export's mapper, which no resume can use
 * @param file the data file, or null when the task exported no item
 */
public record TaskOutput(ReadSegments segments, WrittenFile file) {}
