package org.prunekit.prune.linear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.prunekit.data.Table;
import org.prunekit.testing.TestData;

class LogisticPathSolverTest {

    private static final Table CANCER = TestData.table("breast_cancer_wisconsin.csv");
    private static final Problem CANCER_P = Fixtures.problem(CANCER, Fixtures.allRows(CANCER));

    @ParameterizedTest
    @ValueSource(doubles = {1.0, 0.5, 0.2})
    void exactlyZeroAtLambdaMaxAndNonZeroJustBelow(double alpha) {
        LogisticPathOptions o = LogisticPathOptions.defaults().withAlpha(alpha);
        double lmax = LogisticPathSolver.lambdaMax(CANCER_P, o);
        Coefficients at = LogisticPathSolver.fitAt(CANCER_P, o, lmax);
        assertEquals(0, at.nonZero(), "non-zero coefficients at lambda_max");
        Coefficients below = LogisticPathSolver.fitAt(CANCER_P, o, lmax * (1 - 1e-6));
        assertTrue(below.nonZero() >= 1, "a coefficient enters just below lambda_max");
        // the intercept-only model: logit of the weighted positive share
        double share = 212.0 / 569.0;
        assertEquals(Math.log(share / (1 - share)), at.a0()[0], 1e-9);
    }

    @ParameterizedTest
    @ValueSource(doubles = {1.0, 0.5})
    void kktHoldsAtEveryReturnedSolution(double alpha) {
        LogisticPathOptions o = LogisticPathOptions.defaults()
                .withAlpha(alpha)
                .withThresh(1e-12)
                .withMaxIterations(1_000_000)
                .withLambdas(40, Double.NaN);
        LogisticPath path = LogisticPathSolver.fit(CANCER_P, o);
        assertEquals(40, path.size());
        for (int l = 0; l < path.size(); l++) {
            double v = KktConditions.maxViolation(CANCER_P, path.at(l), alpha);
            assertTrue(v < 1e-6, "KKT violation " + v + " at lambda[" + l + "] = " + path.lambdas()[l]);
        }
    }

    @Test
    void weightsActLikeReplicatedRows() {
        // weight 2 on every positive row == the positive rows duplicated
        int[] y = CANCER_P.y();
        double[] w = new double[y.length];
        int extra = 0;
        for (int i = 0; i < y.length; i++) {
            w[i] = y[i] == 1 ? 2.0 : 1.0;
            extra += y[i];
        }
        Problem weighted = new Problem(CANCER_P.x(), CANCER_P.n(), CANCER_P.p(), y, 2, w);
        int[] rows = new int[y.length + extra];
        int a = 0;
        for (int i = 0; i < y.length; i++) {
            rows[a++] = i;
            if (y[i] == 1) {
                rows[a++] = i;
            }
        }
        Problem replicated = CANCER_P.subset(rows);
        LogisticPathOptions o = LogisticPathOptions.defaults().withThresh(1e-12).withLambdas(10, 1e-2);
        LogisticPath pw = LogisticPathSolver.fit(weighted, o);
        LogisticPath pr = LogisticPathSolver.fit(replicated, o);
        for (int l = 0; l < 10; l++) {
            assertEquals(pr.lambdas()[l], pw.lambdas()[l], 1e-12 * pr.lambdas()[l]);
            for (int j = 0; j < CANCER_P.p(); j++) {
                assertEquals(pr.at(l).beta()[0][j], pw.at(l).beta()[0][j], 1e-6);
            }
        }
    }

    @Test
    void explicitSequenceIsAPathAndInterpolationHitsItsPoints() {
        LogisticPathOptions o = LogisticPathOptions.defaults();
        LogisticPath auto = LogisticPathSolver.fit(CANCER_P, o.withLambdas(20, 1e-2));
        double[] lams = {auto.lambdas()[3], auto.lambdas()[7]};
        LogisticPath two = LogisticPathSolver.fit(CANCER_P, o, lams);
        Coefficients mid = two.interpolate((lams[0] + lams[1]) / 2);
        for (int j = 0; j < CANCER_P.p(); j++) {
            assertEquals((two.at(0).beta()[0][j] + two.at(1).beta()[0][j]) / 2, mid.beta()[0][j], 1e-12);
        }
        assertEquals(two.at(1).beta()[0][0], two.interpolate(lams[1] / 10).beta()[0][0], 0.0, "clamped below");
        int[] entry = auto.entryIndex();
        for (int j = 0; j < entry.length; j++) {
            if (entry[j] >= 0) {
                assertTrue(auto.at(entry[j]).uses(j));
                assertTrue(entry[j] == 0 || !auto.at(entry[j] - 1).uses(j));
            }
        }
    }

    @Test
    void badInputIsRejectedWithTheValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LogisticPathOptions.defaults()
                .withAlpha(1.5));
        assertTrue(e.getMessage().contains("alpha") && e.getMessage().contains("1.5"), e.getMessage());
        e = assertThrows(
                IllegalArgumentException.class,
                () -> LogisticPathSolver.fit(CANCER_P, LogisticPathOptions.defaults(), new double[] {0.1, 0.2}));
        assertTrue(e.getMessage().contains("decreasing"), e.getMessage());
        assertFalse(
                LogisticPathSolver.fit(CANCER_P, LogisticPathOptions.defaults().withMaxIterations(3))
                        .converged());
    }
}
