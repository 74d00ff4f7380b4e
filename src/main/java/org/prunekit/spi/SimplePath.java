package org.prunekit.spi;

import java.util.List;

/**
 * A {@link PruningPath} that is just its candidates (and any warnings about them): the common case for grid-based
 * methods.
 */
public record SimplePath(String strengthName, List<Candidate> candidates, List<String> warnings)
        implements PruningPath {
    public SimplePath {
        candidates = List.copyOf(candidates);
        warnings = List.copyOf(warnings);
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("a pruning path needs at least one candidate");
        }
    }

    /** A path without warnings. */
    public SimplePath(String strengthName, List<Candidate> candidates) {
        this(strengthName, candidates, List.of());
    }

    /** The unpruned model as a path of length one (method {@code none}). */
    public static SimplePath single(Candidate c) {
        return new SimplePath("none", List.of(c));
    }
}
