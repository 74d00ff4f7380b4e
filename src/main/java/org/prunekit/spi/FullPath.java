package org.prunekit.spi;

/**
 * Optionally implemented by a {@link PruningPath} that offers only some steps of a longer path as candidates (for
 * example cost-complexity with a {@code candidates} cap): the harness writes every step to {@code cp-table.csv}, the
 * candidates with their scores and the other steps with their strength and sizes only.
 */
public interface FullPath {

    /** Every step of the full path, or null when every step is a candidate. */
    PathTable fullPath();
}
