package org.prunekit.spi;

import java.util.List;
import org.prunekit.eval.Probabilities;
import org.tribuo.Dataset;
import org.tribuo.classification.Label;

/**
 * What a pruning method returns: ever-smaller candidates, from the least pruned ({@code candidates().get(0)}, usually
 * the model as trained) to the most pruned, each with its strength. The harness knows nothing else about the method.
 */
public interface PruningPath {

    /** Name of the strength, for tables and plot axes: "alpha", "lambda", "rounds dropped", "sparsity". */
    String strengthName();

    /**
     * Problems with some candidates the user should see (e.g. a layer pruned almost empty), one line each; the harness
     * writes them to the run's {@code warnings.txt} and report. Default: none.
     */
    default List<String> warnings() {
        return List.of();
    }

    /** The candidates, least pruned first. Unmodifiable. */
    List<Candidate> candidates();

    /** The strengths of {@link #candidates()}, in the same order. */
    default double[] strengths() {
        return candidates().stream().mapToDouble(Candidate::strength).toArray();
    }

    /** The non-zero parameters of {@link #candidates()}, in the same order (what selection rules call size). */
    default long[] nonZeroParameters() {
        return candidates().stream()
                .mapToLong(c -> c.size().nonZeroParameters())
                .toArray();
    }

    /**
     * The strengths at which another path of the same method (fitted on an inner training fold) is evaluated to
     * score this path's candidates during cross-validated selection: entry {@code i} stands for candidate {@code i}.
     * Default: the strengths themselves. Cost-complexity pruning uses the geometric midpoints of its alpha intervals
     * (Breiman et al. 1984).
     */
    default double[] selectionPoints() {
        return strengths();
    }

    /**
     * The candidate of this path that corresponds to strength {@code s}. Default: the candidate whose strength is
     * closest to {@code s} (the first on ties). Paths with a continuous strength override this.
     */
    default Candidate at(double s) {
        List<Candidate> cs = candidates();
        Candidate best = cs.get(0);
        for (Candidate c : cs) {
            if (Math.abs(c.strength() - s) < Math.abs(best.strength() - s)) {
                best = c;
            }
        }
        return best;
    }

    /**
     * Class probabilities of every candidate on {@code data}: {@code sink.accept(candidate, probs)} with
     * {@code probs[row][class]} in the order of {@code classes}. The default predicts each candidate in turn; a
     * path whose candidates share structure (nested subtrees, ensemble prefixes) overrides it with one pass.
     */
    default void scoreAll(Dataset<Label> data, List<String> classes, CandidateScores sink) {
        List<Candidate> cs = candidates();
        for (int i = 0; i < cs.size(); i++) {
            sink.accept(i, Probabilities.of(cs.get(i).model(), data, classes));
        }
    }

    /**
     * Class probabilities of the candidate standing for each strength in {@code points} ({@code at(points[i])}) on
     * {@code data}: {@code sink.accept(i, probs)} for every {@code i}, in any order. Used for cross-validated
     * selection, where an inner-fold path is scored at the full path's {@link #selectionPoints()}. Only one
     * probability matrix is alive at a time: the default predicts {@code at(points[i])} in turn and reuses the
     * matrix while consecutive points give the same candidate. Nested paths override it with one pass
     * ({@link #scoreAll}) that never builds the candidate models.
     */
    default void scoreAt(double[] points, Dataset<Label> data, List<String> classes, CandidateScores sink) {
        Candidate last = null;
        double[][] probs = null;
        for (int i = 0; i < points.length; i++) {
            Candidate c = at(points[i]);
            if (c != last) {
                probs = null; // let the previous matrix go before the next one is computed
                probs = Probabilities.of(c.model(), data, classes);
                last = c;
            }
            sink.accept(i, probs);
        }
    }

    /**
     * Receives the probabilities of one candidate. Treat the arrays as read-only: a path may share probability rows
     * between rows and between candidates.
     */
    @FunctionalInterface
    interface CandidateScores {
        void accept(int candidate, double[][] probabilities);
    }
}
