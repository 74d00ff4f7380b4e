package org.prunekit.spi;

import java.util.List;

/** A {@link PruningPath} that is just its candidates: the common case for grid-based methods. */
public record SimplePath(String strengthName, List<Candidate> candidates) implements PruningPath {
    public SimplePath {
        candidates = List.copyOf(candidates);
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("a pruning path needs at least one candidate");
        }
    }

    /** The unpruned model as a path of length one (method {@code none}). */
    public static SimplePath single(Candidate c) {
        return new SimplePath("none", List.of(c));
    }
}
