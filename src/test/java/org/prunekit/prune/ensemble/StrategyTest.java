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

/** Strategies on the validation rows of the fixture model (30 rounds). */
class StrategyTest {

    private static final BoostedTrees TREES = BoostedTrees.parse(XgboostModels.modelJson(Fixture.MODEL));
    private static final RoundContributions RC = RoundContributions.of(
            TREES, XgboostModels.features(Fixture.VALIDATION_DATA, Fixture.MODEL.getFeatureIDMap()));
    private static final Targets TARGETS =
            XgboostModels.targets(Fixture.VALIDATION_DATA, Fixture.MODEL.getOutputIDInfo());
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
        List<RoundSet> sets = s.select(RC, TARGETS, SIZES);
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
        assertEquals(sets, Strategy.byName(name, LOG_LOSS, 3L).select(RC, TARGETS, SIZES));
    }

    @Test
    void prefixKeepsTheFirstRounds() {
        List<RoundSet> sets = Strategy.byName("prefix", LOG_LOSS, 0).select(RC, TARGETS, new int[] {4});
        assertArrayEquals(new int[] {0, 1, 2, 3}, sets.get(0).rounds());
    }

    @Test
    void randomDependsOnTheSeed() {
        int[] sizes = {10};
        assertNotEquals(
                Strategy.byName("random", LOG_LOSS, 1).select(RC, TARGETS, sizes),
                Strategy.byName("random", LOG_LOSS, 2).select(RC, TARGETS, sizes));
    }

    @Test
    void boundedForwardSelectionEqualsExhaustiveSearch() {
        int[] bounded = new ForwardSelection(LOG_LOSS, null).order(RC, TARGETS, 1, 29);
        int[] exhaustive = new ForwardSelection(EXHAUSTIVE, null).order(RC, TARGETS, 1, 29);
        assertArrayEquals(exhaustive, bounded);
        int[] boundedBack = new BackwardElimination(LOG_LOSS).order(RC, TARGETS, 1, 29);
        int[] exhaustiveBack = new BackwardElimination(EXHAUSTIVE).order(RC, TARGETS, 1, 29);
        assertArrayEquals(exhaustiveBack, boundedBack);
    }

    @Test
    void forwardStartsWithTheBestSingleRoundAndBackwardDropsTheLeastUseful() {
        int rounds = RC.rounds();
        int bestSingle = -1;
        double best = Double.POSITIVE_INFINITY;
        int leastUseful = -1;
        double bestWithout = Double.POSITIVE_INFINITY;
        for (int r = 0; r < rounds; r++) {
            int skip = r;
            double single = LOG_LOSS.loss(RC.margins(new int[] {r}, null), null, 0, TARGETS);
            double without = LOG_LOSS.loss(
                    RC.margins(IntStream.range(0, rounds).filter(q -> q != skip).toArray(), null), null, 0, TARGETS);
            if (single < best) {
                best = single;
                bestSingle = r;
            }
            if (without < bestWithout) {
                bestWithout = without;
                leastUseful = r;
            }
        }
        assertEquals(bestSingle, new ForwardSelection(LOG_LOSS, null).order(RC, TARGETS, 1, 1)[0]);
        int[] back = new BackwardElimination(LOG_LOSS).order(RC, TARGETS, 1, rounds);
        assertEquals(leastUseful, back[rounds - 1]);
    }

    @Test
    void reduceErrorNeverIncreasesErrorAtTheFirstStepAboveTheBestSingleRound() {
        Objective error = Objective.byName("error");
        RoundSet one = Strategy.byName("reduce-error", LOG_LOSS, 0)
                .select(RC, TARGETS, new int[] {1})
                .get(0);
        double chosen = error.loss(RC.margins(one.rounds(), null), null, 0, TARGETS);
        for (int r = 0; r < RC.rounds(); r++) {
            assertTrue(chosen <= error.loss(RC.margins(new int[] {r}, null), null, 0, TARGETS));
        }
    }

    @Test
    void lassoSolutionsSatisfyTheOptimalityConditions() {
        IsleLasso lasso = new IsleLasso(new IsleLasso.Settings(15, 1e-3, 1000, 1e-12));
        List<IsleLasso.Solution> path = lasso.path(RC, TARGETS);
        assertEquals(14, path.size());
        for (IsleLasso.Solution s : path) {
            double[] w = s.weights();
            int[] all = IntStream.range(0, w.length).toArray();
            double[] g = LOG_LOSS.gradient(RC.margins(all, w), TARGETS);
            for (int r = 0; r < w.length; r++) {
                assertTrue(w[r] >= 0);
                double gr = IsleLasso.dot(g, RC.contribution(r)) + s.lambda();
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
