package org.prunekit.prune.linear;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.prunekit.spi.Candidate;
import org.prunekit.spi.LazyCandidates;
import org.prunekit.spi.PathExport;
import org.prunekit.spi.PruningPath;
import org.tribuo.Dataset;
import org.tribuo.classification.Label;

/**
 * The L1 pruning path of a logistic model: one candidate per chosen λ, least pruned (smallest λ) first; strength =
 * λ. {@link #at(double)} interpolates coefficients linearly in λ, so a path fitted on an inner fold can be scored at
 * the λs of the full path as cv.glmnet does. Exports the coefficient of every feature at every candidate (original
 * scale; {@code feature[class]} per predictor for multinomial fits), for glmnet-style coefficient-path plots.
 */
public final class L1Path implements PruningPath, PathExport {

    private final ModelPath models;
    private final int[] indices;
    private final LazyCandidates candidates;

    /**
     * @param indices path indices to offer as candidates, in decreasing-λ order. A candidate's model is built on
     *     first use: an inner-fold path is only scored from its coefficients ({@link #scoreAt}), and a Tribuo model
     *     renders its provenance to a string when constructed (most of the cost of building one)
     */
    L1Path(ModelPath models, int[] indices) {
        this.models = models;
        this.indices = indices.clone();
        this.candidates = new LazyCandidates(indices.length, this::build);
    }

    /** The path index of candidate {@code i} (candidates run from the smallest λ up). */
    private int index(int i) {
        return indices[indices.length - 1 - i];
    }

    private Candidate build(int i) {
        SparseLinearModel m = models.model(index(i));
        return new Candidate(m.lambda(), m.size(), m);
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

    /** The candidates, least pruned first; a candidate's model is built on first access. Unmodifiable. */
    @Override
    public List<Candidate> candidates() {
        return candidates;
    }

    @Override
    public double[] strengths() {
        double[] lambdas = models.path().lambdas();
        double[] out = new double[indices.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = lambdas[index(i)];
        }
        return out;
    }

    @Override
    public long[] nonZeroParameters() {
        long[] out = new long[indices.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = models.path().at(index(i)).nonZeroParameters();
        }
        return out;
    }

    @Override
    public Candidate at(double lambda) {
        SparseLinearModel m = models.modelAt(lambda);
        return new Candidate(lambda, m.size(), m);
    }

    /** Every candidate's probabilities from its coefficients ({@link LinearScorer}), no Tribuo prediction per row. */
    @Override
    public void scoreAll(Dataset<Label> data, List<String> classes, CandidateScores sink) {
        LinearScorer scorer = models.scorer(data, classes);
        for (int i = 0; i < indices.length; i++) {
            sink.accept(i, scorer.probabilities(models.path().at(index(i))));
        }
    }

    /** The probabilities of {@link #at}{@code (points[i])}, from its interpolated coefficients ({@link LinearScorer}). */
    @Override
    public void scoreAt(double[] points, Dataset<Label> data, List<String> classes, CandidateScores sink) {
        LinearScorer scorer = models.scorer(data, classes);
        for (int i = 0; i < points.length; i++) {
            sink.accept(i, scorer.probabilities(models.path().interpolate(points[i])));
        }
    }

    @Override
    public Map<String, double[]> exportColumns() {
        List<String> names = models.model(indices[0]).featureNames();
        LogisticPath path = models.path();
        int n = indices.length;
        Map<String, double[]> out = new LinkedHashMap<>();
        for (int a = 0; a < n; a++) {
            double[][] beta = path.at(indices[n - 1 - a]).beta();
            for (int k = 0; k < beta.length; k++) {
                for (int j = 0; j < names.size(); j++) {
                    String col = beta.length == 1 ? names.get(j) : names.get(j) + "[" + k + "]";
                    out.computeIfAbsent(col, c -> new double[n])[a] = beta[k][j];
                }
            }
        }
        return out;
    }

    /** {@code count} indices spread evenly over {@code [0, size)}, both ends included (all when count ≥ size). */
    static int[] subGrid(int size, int count) {
        if (count <= 0 || count >= size) {
            return IntStream.range(0, size).toArray();
        }
        if (count == 1) {
            return new int[] {size - 1};
        }
        TreeSet<Integer> idx = new TreeSet<>();
        for (int k = 0; k < count; k++) {
            idx.add((int) Math.round(k * (size - 1) / (double) (count - 1)));
        }
        return idx.stream().mapToInt(Integer::intValue).toArray();
    }
}
