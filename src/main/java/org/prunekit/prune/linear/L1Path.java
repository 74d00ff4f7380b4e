package org.prunekit.prune.linear;

import java.util.ArrayList;
import java.util.List;
import org.prunekit.eval.Candidate;
import org.prunekit.eval.PruningPath;

/**
 * The L1 pruning path of a logistic model: one candidate per chosen λ, least pruned (smallest λ) first; strength =
 * λ. {@link #at(double)} interpolates coefficients linearly in λ, so a path fitted on an inner fold can be scored at
 * the λs of the full path as cv.glmnet does.
 */
public final class L1Path implements PruningPath {

    private final ModelPath models;
    private final List<Candidate> candidates;

    /** @param indices path indices to offer as candidates, in decreasing-λ order */
    L1Path(ModelPath models, int[] indices) {
        this.models = models;
        List<Candidate> cs = new ArrayList<>();
        for (int a = indices.length - 1; a >= 0; a--) {
            SparseLinearModel m = models.model(indices[a]);
            cs.add(new Candidate(m.lambda(), m.size(), m));
        }
        this.candidates = List.copyOf(cs);
    }

    /** The raw path (all λs, plain arrays). */
    public LogisticPath path() {
        return models.path();
    }

    public ModelPath models() {
        return models;
    }

    @Override
    public String strengthName() {
        return "lambda";
    }

    @Override
    public List<Candidate> candidates() {
        return candidates;
    }

    @Override
    public Candidate at(double lambda) {
        SparseLinearModel m = models.modelAt(lambda);
        return new Candidate(lambda, m.size(), m);
    }

    /** {@code count} indices spread evenly over {@code [0, size)}, both ends included (all when count ≥ size). */
    static int[] subGrid(int size, int count) {
        if (count <= 0 || count >= size) {
            return java.util.stream.IntStream.range(0, size).toArray();
        }
        if (count == 1) {
            return new int[] {size - 1};
        }
        java.util.TreeSet<Integer> idx = new java.util.TreeSet<>();
        for (int k = 0; k < count; k++) {
            idx.add((int) Math.round(k * (size - 1) / (double) (count - 1)));
        }
        return idx.stream().mapToInt(Integer::intValue).toArray();
    }
}
