package org.prunekit.spi;

import java.util.AbstractList;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.function.IntFunction;

/**
 * A path's candidates as an unmodifiable list whose element {@code i} is built by {@code build.apply(i)} the first time
 * it is read, then kept: a path whose candidates share structure (nested subtrees, round prefixes, one coefficient
 * path) builds a candidate's model only when the harness asks for it; an inner-fold path, only scored, builds none.
 * Thread-safe: each element is built once.
 */
public final class LazyCandidates extends AbstractList<Candidate> implements RandomAccess {

    private final Candidate[] built;
    private final IntFunction<Candidate> build;

    public LazyCandidates(int size, IntFunction<Candidate> build) {
        this.built = new Candidate[size];
        this.build = Objects.requireNonNull(build, "build");
    }

    @Override
    public synchronized Candidate get(int i) {
        Objects.checkIndex(i, built.length);
        if (built[i] == null) {
            built[i] = Objects.requireNonNull(build.apply(i), "candidate " + i);
        }
        return built[i];
    }

    @Override
    public int size() {
        return built.length;
    }

    /** The elements at {@code indices}, in that order: a view, built on first access like this list. */
    public List<Candidate> pick(int[] indices) {
        int[] at = indices.clone();
        return new Picked(at);
    }

    private final class Picked extends AbstractList<Candidate> implements RandomAccess {
        private final int[] at;

        Picked(int[] at) {
            this.at = at;
        }

        @Override
        public Candidate get(int i) {
            return LazyCandidates.this.get(at[i]);
        }

        @Override
        public int size() {
            return at.length;
        }
    }
}
