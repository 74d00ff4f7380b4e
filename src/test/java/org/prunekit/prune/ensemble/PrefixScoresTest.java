package org.prunekit.prune.ensemble;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.prunekit.eval.Probabilities;
import org.prunekit.spi.Candidate;
import org.prunekit.spi.PruningPath;
import org.tribuo.classification.Label;
import org.tribuo.common.xgboost.XGBoostModel;

/**
 * The prefix path's one-pass scores (one DMatrix, XGBoost's iteration limit) against the naive way: rebuild each
 * candidate model from its edited JSON and let Tribuo predict it. They must agree bit for bit, in any order of
 * prefixes; sizes computed from the parsed trees must equal those of the saved candidate models. For the family's
 * two-class default ({@code binary:logistic}, one tree per round) and {@code objective: softprob} (two per round).
 */
class PrefixScoresTest {

    private static final int[] SIZES = {1, 2, 5, 10, 17, 29};
    private static final List<String> CLASSES = Probabilities.classes(Fixture.TEST_DATA);

    /** The family's two-class default ({@code binary:logistic}) or {@code objective: softprob}. */
    private static XGBoostModel<Label> model(String objective) {
        return XgboostParams.SOFTPROB.equals(objective) ? Fixture.SOFTPROB : Fixture.MODEL;
    }

    private static PruningPath path(String objective, String strategy) {
        return new TreeDrop(new TreeDropParams(strategy, SIZES, "log-loss"), 3L)
                .path(model(objective), Fixture.TRAIN_DATA, Fixture.VALIDATION_DATA);
    }

    /** Tribuo's own prediction of a model rebuilt from the candidate's JSON (not the path's model object). */
    private static double[][] naive(String objective, Candidate c) {
        XGBoostModel<Label> xgb = XgboostModels.require(c.model());
        XGBoostModel<Label> rebuilt = XgboostModels.withModelJson(model(objective), XgboostModels.modelJson(xgb));
        return Probabilities.of(rebuilt, Fixture.TEST_DATA, CLASSES);
    }

    private static void assertSameProbabilities(double[][] expected, double[][] actual, String what) {
        assertEquals(expected.length, actual.length, what);
        for (int r = 0; r < expected.length; r++) {
            assertArrayEquals(expected[r], actual[r], what + ", row " + r); // exact: no tolerance
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"auto", "softprob"})
    void scoreAllEqualsNaivePredictionOfEveryPrefix(String objective) {
        PruningPath p = path(objective, "prefix");
        List<Candidate> cs = p.candidates();
        assertEquals(SIZES.length + 1, cs.size());
        double[][][] fast = new double[cs.size()][][];
        p.scoreAll(Fixture.TEST_DATA, CLASSES, (i, probs) -> fast[i] = probs);
        for (int i = 0; i < cs.size(); i++) {
            assertSameProbabilities(naive(objective, cs.get(i)), fast[i], "candidate " + i);
        }
        // the prefixes really differ (the comparison is not between equal matrices)
        assertNotEquals(fast[0][0][0], fast[cs.size() - 1][0][0]);
    }

    @ParameterizedTest
    @ValueSource(strings = {"auto", "softprob"})
    void scoreAtEqualsNaivePredictionInAnyOrder(String objective) {
        PruningPath p = path(objective, "prefix");
        // strengths 0, 1 (nearest: 0), 12, 25.4 (nearest 25), 29, 100 (nearest: the last), then back up and down,
        // so XGBoost's per-matrix prediction cache is exercised growing and shrinking
        double[] points = {0, 1, 12, 25.4, 29, 100, 28, 0, 20, 13, 24};
        List<double[][]> fast = new ArrayList<>();
        for (int i = 0; i < points.length; i++) {
            fast.add(null);
        }
        p.scoreAt(points, Fixture.TEST_DATA, CLASSES, (i, probs) -> fast.set(i, probs));
        for (int i = 0; i < points.length; i++) {
            assertSameProbabilities(naive(objective, p.at(points[i])), fast.get(i), "point " + points[i]);
        }
    }

    @ParameterizedTest
    @CsvSource({
        "auto, prefix", "auto, forward", "auto, lasso", "auto, random",
        "softprob, prefix", "softprob, forward", "softprob, lasso", "softprob, random"
    })
    void sizesFromTheParsedTreesEqualThoseOfTheSavedModels(String objective, String strategy) {
        PruningPath p = path(objective, strategy);
        int treesPerRound = XgboostParams.SOFTPROB.equals(objective) ? 2 : 1;
        long[] nonZero = p.nonZeroParameters();
        double[] strengths = p.strengths();
        for (int i = 0; i < p.candidates().size(); i++) {
            Candidate c = p.candidates().get(i);
            BoostedTrees saved = BoostedTrees.parse(XgboostModels.modelJson(XgboostModels.require(c.model())));
            assertEquals(EnsembleSize.of(saved), c.size(), strategy + " candidate " + i);
            assertEquals(c.size().nonZeroParameters(), nonZero[i]);
            assertEquals(c.strength(), strengths[i]);
            assertEquals(Fixture.ROUNDS - saved.rounds(), c.strength(), strategy + " candidate " + i);
            assertEquals(saved.rounds() * treesPerRound, saved.trees().size(), strategy + " candidate " + i);
            assertEquals(saved.trees().size(), c.size().details().get("trees"), strategy + " candidate " + i);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"auto", "softprob"})
    void nonPrefixPathsScoreTheirCandidateModels(String objective) {
        PruningPath p = path(objective, "forward");
        double[][][] scored = new double[p.candidates().size()][][];
        p.scoreAll(Fixture.TEST_DATA, CLASSES, (i, probs) -> scored[i] = probs);
        for (int i = 0; i < scored.length; i++) {
            assertSameProbabilities(naive(objective, p.candidates().get(i)), scored[i], "candidate " + i);
        }
    }

    @Test
    void editingTheParsedJsonLeavesItIntact() {
        byte[] json = XgboostModels.modelJson(Fixture.MODEL);
        XgboostJson.Parsed parsed = XgboostJson.parse(json);
        int[] all = new int[Fixture.ROUNDS];
        for (int r = 0; r < all.length; r++) {
            all[r] = r;
        }
        byte[] before = parsed.keep(all, null);
        parsed.keep(new int[] {3, 7}, new double[] {0.5, 2.0});
        parsed.keep(new int[] {0, 1, 2}, null);
        assertArrayEquals(before, parsed.keep(all, null));
        BoostedTrees original = BoostedTrees.parse(json);
        BoostedTrees again = BoostedTrees.parse(before);
        assertEquals(original.trees().size(), again.trees().size());
        for (int t = 0; t < original.trees().size(); t++) {
            assertArrayEquals(
                    original.trees().get(t).split(), again.trees().get(t).split());
        }
    }
}
