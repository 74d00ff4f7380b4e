package org.prunekit.prune.ensemble;

import java.util.List;
import java.util.function.Function;
import org.prunekit.spi.Candidate;
import org.prunekit.spi.LazyCandidates;
import org.prunekit.spi.ModelSize;
import org.prunekit.spi.PruningPath;
import org.tribuo.Dataset;
import org.tribuo.classification.Label;
import org.tribuo.common.xgboost.XGBoostModel;

/**
 * The path of method {@code tree-drop} on an XGBoost model: candidate 0 is the model as trained, candidate {@code i ≥ 1}
 * keeps the round set {@code sets.get(i − 1)} (largest first), with strength = rounds dropped.
 *
 * <p>Strengths and sizes are known from the parsed trees ({@link BoostedTrees#keep}); a candidate's model (model JSON
 * edited by {@link XgboostJson}, loaded into a new booster) is built the first time {@link #candidates()} hands it
 * out. When every set is a prefix (rounds 0..k−1, unweighted: strategy {@code prefix}), {@link #scoreAll} and
 * {@link #scoreAt} build no candidate model: they predict every prefix from one DMatrix with XGBoost's iteration
 * limit ({@link PrefixScorer}), which gives the candidate models' probabilities bit for bit. So the path of an inner
 * fold, which is only scored, never loads a booster per candidate.
 */
final class RoundPath implements PruningPath {

    private final XGBoostModel<Label> model;
    private final XgboostJson.Parsed json;
    private final List<RoundSet> sets;
    private final double[] strengths;
    private final ModelSize[] sizes;
    private final long[] nonZero;
    private final boolean prefixes;
    private final List<Candidate> candidates;
    private Function<byte[], XGBoostModel<Label>> rebuilder;

    /**
     * @param model the trained model (candidate 0)
     * @param json  its parsed model JSON
     * @param sets  the kept round sets, largest first, each smaller than the model
     */
    RoundPath(XGBoostModel<Label> model, XgboostJson.Parsed json, List<RoundSet> sets) {
        this.model = model;
        this.json = json;
        this.sets = List.copyOf(sets);
        BoostedTrees trees = json.trees();
        int n = sets.size() + 1;
        this.strengths = new double[n];
        this.sizes = new ModelSize[n];
        this.nonZero = new long[n];
        sizes[0] = EnsembleSize.of(trees);
        boolean allPrefixes = true;
        for (int i = 1; i < n; i++) {
            RoundSet s = sets.get(i - 1);
            strengths[i] = trees.rounds() - s.size();
            sizes[i] = EnsembleSize.of(trees.keep(s));
            allPrefixes &= isPrefix(s);
        }
        for (int i = 0; i < n; i++) {
            nonZero[i] = sizes[i].nonZeroParameters();
        }
        this.prefixes = allPrefixes;
        this.candidates = new LazyCandidates(n, i -> i == 0 ? new Candidate(0, sizes[0], model) : build(i));
    }

    private static boolean isPrefix(RoundSet s) {
        int[] r = s.rounds();
        for (int j = 0; j < r.length; j++) {
            if (r[j] != j) {
                return false;
            }
        }
        return s.weights() == null;
    }

    @Override
    public String strengthName() {
        return "rounds dropped";
    }

    /** The candidates, least pruned first; a candidate's model is built on first access. Unmodifiable. */
    @Override
    public List<Candidate> candidates() {
        return candidates;
    }

    private Candidate build(int i) {
        if (rebuilder == null) {
            rebuilder = XgboostModels.rebuilder(model);
        }
        RoundSet s = sets.get(i - 1);
        return new Candidate(strengths[i], sizes[i], rebuilder.apply(json.keep(s.rounds(), s.weights())));
    }

    @Override
    public double[] strengths() {
        return strengths.clone();
    }

    @Override
    public long[] nonZeroParameters() {
        return nonZero.clone();
    }

    @Override
    public Candidate at(double s) {
        return candidates.get(indexAt(s));
    }

    /** The index {@link PruningPath#at} picks: the closest strength, the first on ties. */
    private int indexAt(double s) {
        int best = 0;
        for (int i = 1; i < strengths.length; i++) {
            if (Math.abs(strengths[i] - s) < Math.abs(strengths[best] - s)) {
                best = i;
            }
        }
        return best;
    }

    /** Rounds candidate {@code i} keeps as a prefix (0 = every round, candidate 0). */
    private int prefixRounds(int i) {
        return i == 0 ? 0 : sets.get(i - 1).size();
    }

    private PrefixScorer scorer(Dataset<Label> data, List<String> classes) {
        BoostedTrees trees = json.trees();
        return PrefixScorer.of(model, trees.objective(), trees.treesPerRound() / trees.outputs(), data, classes);
    }

    @Override
    public void scoreAll(Dataset<Label> data, List<String> classes, CandidateScores sink) {
        if (!prefixes) {
            PruningPath.super.scoreAll(data, classes, sink);
            return;
        }
        try (PrefixScorer scorer = scorer(data, classes)) {
            for (int i = 0; i < candidates.size(); i++) {
                sink.accept(i, scorer.probabilities(prefixRounds(i)));
            }
        }
    }

    @Override
    public void scoreAt(double[] points, Dataset<Label> data, List<String> classes, CandidateScores sink) {
        if (!prefixes) {
            PruningPath.super.scoreAt(points, data, classes, sink);
            return;
        }
        try (PrefixScorer scorer = scorer(data, classes)) {
            int last = -1;
            double[][] probs = null;
            for (int i = 0; i < points.length; i++) {
                int c = indexAt(points[i]);
                if (c != last) {
                    probs = null; // let the previous matrix go before the next one is computed
                    probs = scorer.probabilities(prefixRounds(c));
                    last = c;
                }
                sink.accept(i, probs);
            }
        }
    }
}
