package org.prunekit.prune.ensemble;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tribuo.classification.Label;
import org.tribuo.common.xgboost.XGBoostModel;

/**
 * Strategies on the validation rows of the fixture model (30 rounds): the family's two-class default, {@code
 * binary:logistic} (one margin column); {@link SoftprobStrategyTest} runs the same tests on {@code multi:softprob}
 * (two columns).
 */
class StrategyTest {

    /** The model whose rounds are selected. */
    XGBoostModel<Label> model() {
        return Fixture.MODEL;
    }

    private final RoundContributions rc = RoundContributions.of(
            BoostedTrees.parse(XgboostModels.modelJson(model())),
            XgboostModels.features(Fixture.VALIDATION_DATA, model().getFeatureIDMap()));
    private final Targets targets = XgboostModels.targets(Fixture.VALIDATION_DATA, model().getOutputIDInfo());
    private static final int[] SIZES = {1, 2, 3, 5, 8, 13, 21, 29};
    private static final Objective LOG_LOSS = Objective.byName("log-loss");

    /** Log-loss without its gradient: forces exhaustive evaluation (the reference for the bound). */
    private static final Objective EXHAUSTIVE = new Objective() {
        @Override
        public String name() {
            return "log-loss, no bound";
        }

        @Override
        public double loss(double[] m, float[] c, double s, Targets t) {
            return LOG_LOSS.loss(m, c, s, t);
        }
    };

    @ParameterizedTest
    @ValueSource(strings = {"prefix", "forward", "backward", "reduce-error", "lasso", "random"})
    void sizesNeverDecreaseAndNestedStrategiesNest(String name) {
        Strategy s = Strategy.byName(name, LOG_LOSS, 3L);
        List<RoundSet> sets = s.select(rc, targets, SIZES);
        assertEquals(SIZES.length, sets.size());
        for (int i = 0; i < sets.size(); i++) {
            assertTrue(sets.get(i).size() <= SIZES[i], name + " set " + i + " too big");
            if (s.nested()) {
                assertEquals(SIZES[i], sets.get(i).size(), name + " set " + i);
            }
            if (i > 0) {
                assertTrue(sets.get(i).size() >= sets.get(i - 1).size(), name + " sizes decrease at " + i);
                if (s.nested()) {
                    int[] big = sets.get(i).rounds();
                    for (int r : sets.get(i - 1).rounds()) {
                        assertTrue(Arrays.binarySearch(big, r) >= 0, name + ": round " + r + " left the set at " + i);
                    }
                }
            }
        }
        // deterministic
        assertEquals(sets, Strategy.byName(name, LOG_LOSS, 3L).select(rc, targets, SIZES));
    }

    @Test
    void prefixKeepsTheFirstRounds() {
        List<RoundSet> sets = Strategy.byName("prefix", LOG_LOSS, 0).select(rc, targets, new int[] {4});
        assertArrayEquals(new int[] {0, 1, 2, 3}, sets.get(0).rounds());
    }

    @Test
    void randomDependsOnTheSeed() {
        int[] sizes = {10};
        assertNotEquals(
                Strategy.byName("random", LOG_LOSS, 1).select(rc, targets, sizes),
                Strategy.byName("random", LOG_LOSS, 2).select(rc, targets, sizes));
    }

    @Test
    void boundedForwardSelectionEqualsExhaustiveSearch() {
        int[] bounded = new ForwardSelection(LOG_LOSS, null).order(rc, targets, 1, 29);
        int[] exhaustive = new ForwardSelection(EXHAUSTIVE, null).order(rc, targets, 1, 29);
        assertArrayEquals(exhaustive, bounded);
        int[] boundedBack = new BackwardElimination(LOG_LOSS).order(rc, targets, 1, 29);
        int[] exhaustiveBack = new BackwardElimination(EXHAUSTIVE).order(rc, targets, 1, 29);
        assertArrayEquals(exhaustiveBack, boundedBack);
    }

    @Test
    void forwardStartsWithTheBestSingleRoundAndBackwardDropsTheLeastUseful() {
        int rounds = rc.rounds();
        int bestSingle = -1;
        double best = Double.POSITIVE_INFINITY;
        int leastUseful = -1;
        double bestWithout = Double.POSITIVE_INFINITY;
        for (int r = 0; r < rounds; r++) {
            int skip = r;
            double single = LOG_LOSS.loss(rc.margins(new int[] {r}, null), null, 0, targets);
            double without = LOG_LOSS.loss(
                    rc.margins(IntStream.range(0, rounds).filter(q -> q != skip).toArray(), null), null, 0, targets);
            if (single < best) {
                best = single;
                bestSingle = r;
            }
            if (without < bestWithout) {
                bestWithout = without;
                leastUseful = r;
            }
        }
        assertEquals(bestSingle, new ForwardSelection(LOG_LOSS, null).order(rc, targets, 1, 1)[0]);
        int[] back = new BackwardElimination(LOG_LOSS).order(rc, targets, 1, rounds);
        assertEquals(leastUseful, back[rounds - 1]);
    }

    @Test
    void reduceErrorNeverIncreasesErrorAtTheFirstStepAboveTheBestSingleRound() {
        Objective error = Objective.byName("error");
        RoundSet one = Strategy.byName("reduce-error", LOG_LOSS, 0)
                .select(rc, targets, new int[] {1})
                .get(0);
        double chosen = error.loss(rc.margins(one.rounds(), null), null, 0, targets);
        for (int r = 0; r < rc.rounds(); r++) {
            assertTrue(chosen <= error.loss(rc.margins(new int[] {r}, null), null, 0, targets));
        }
    }

    @Test
    void lassoSolutionsSatisfyTheOptimalityConditions() {
        IsleLasso lasso = new IsleLasso(new IsleLasso.Settings(15, 1e-3, 1000, 1e-12));
        List<IsleLasso.Solution> path = lasso.path(rc, targets);
        assertEquals(14, path.size());
        for (IsleLasso.Solution s : path) {
            double[] w = s.weights();
            int[] all = IntStream.range(0, w.length).toArray();
            double[] g = LOG_LOSS.gradient(rc.margins(all, w), targets);
            for (int r = 0; r < w.length; r++) {
                assertTrue(w[r] >= 0);
                double gr = IsleLasso.dot(g, rc.contribution(r)) + s.lambda();
                if (w[r] > 0) {
                    assertEquals(
                            0.0, gr, 1e-5 * Math.max(1, s.lambda()), "KKT at lambda " + s.lambda() + " round " + r);
                } else {
                    assertTrue(gr >= -1e-5, "KKT (zero weight) at lambda " + s.lambda() + " round " + r + ": " + gr);
                }
            }
        }
        assertTrue(path.get(path.size() - 1).nonZero() > path.get(0).nonZero());
    }
}
