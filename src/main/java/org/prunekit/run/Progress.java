package org.prunekit.run;

/** Receives progress of a run (the CLI prints it on stderr). */
@FunctionalInterface
public interface Progress {

    /**
     * Called after each cell (in completion order).
     *
     * @param done    cells finished so far (including those kept from an earlier run)
     * @param total   cells in the run
     * @param key     the cell just finished
     * @param skipped cells kept from an earlier run (not timed)
     */
    void cellDone(int done, int total, String key, int skipped);

    /** A problem that does not stop the run (e.g. the report could not be drawn). */
    default void warning(String message) {}

    Progress NONE = (d, t, k, s) -> {};
}
