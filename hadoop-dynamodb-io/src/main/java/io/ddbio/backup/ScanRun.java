package io.ddbio.backup;

/**
 * One run of a resumed export, as {@code ddbio-export.json} records it: an export resumed after a
 * failed run is read in parts, at different times, and a restore should know when each part of the
 * table was read.
 *
 * @param run the run, from 1
 * @param startTime when the run started (ISO-8601)
 * @param segments the scan segments whose items this run exported, as ranges ({@code 0-46,94});
 *     empty when it committed none
 * @param itemCount items this run exported
 * @param readFrom when the first of its tasks started reading (ISO-8601), or null
 * @param readTo when the last of its tasks had read its last page (ISO-8601), or null
 */
public record ScanRun(
    int run, String startTime, String segments, long itemCount, String readFrom, String readTo) {}
