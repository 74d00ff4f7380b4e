package org.prunekit.api;

/** Receives the progress of a {@link Study} run (the CLI prints the same events on stderr). */
@FunctionalInterface
public interface ProgressListener {

    /** A listener that ignores everything. */
    ProgressListener NONE = (done, total, cell) -> {};

    /**
     * Called after each cell (an arm on one outer fold, or its refit on all rows), in completion order.
     *
     * @param done  cells finished so far
     * @param total cells in the study
     * @param cell  the cell just finished, e.g. {@code cart-ccp-r0-f3} or {@code cart-ccp-refit}
     */
    void cellDone(int done, int total, String cell);

    /** A problem that does not stop the run (e.g. the report could not be drawn). */
    default void warning(String message) {}
}
