package org.prunekit.data;

import java.util.List;

/**
 * A table read from CSV and what was left out of it.
 *
 * @param table       the rows kept
 * @param skippedRows bad rows skipped under {@link BadRowPolicy#SKIP}
 * @param droppedRows rows dropped for missing values under {@link MissingPolicy#DROP_ROWS}
 * @param problems    the one-line message ({@code file:line:column: what}) of the first skipped rows, at most
 *                    {@link #MAX_PROBLEMS}
 */
public record ReadResult(Table table, int skippedRows, int droppedRows, List<String> problems) {

    public static final int MAX_PROBLEMS = 10;

    public ReadResult {
        problems = List.copyOf(problems);
    }
}
