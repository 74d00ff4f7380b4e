package org.prunekit.prune.linear;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.prunekit.data.Table;
import org.prunekit.testing.TestData;

/**
 * Sparse columns ({@link Design}) take other arithmetic than dense ones (sums over non-zeros, a pending multiple of
 * the weights in the residual) but must give the same paths: the same λs, deviance ratios and coefficients up to
 * rounding, and the KKT conditions at every fit. Share 0 keeps every column dense (the reference), 1 makes every
 * column sparse (numeric ones included), the default only the mostly-zero ones.
 */
class SparseColumnsTest {

    private static final Table GERMAN = TestData.table("german_credit.csv");
    private static final Problem GERMAN_P = Fixtures.problem(GERMAN, Fixtures.allRows(GERMAN));

    @Test
    void oneHotColumnsAreSparseAndNumericOnesDense() {
        Design d = new Design(GERMAN_P, true);
        long sparse = IntStream.range(0, d.p).filter(d::sparse).count();
        assertTrue(sparse >= 30, "german_credit's one-hot indicators kept sparse: " + sparse + " of " + d.p);
        assertTrue(sparse < d.p, "its dense numeric columns are not sparse");
    }

    @Test
    void sparseSumsEqualTheDenseOnes() {
        Design dense = new Design(GERMAN_P, true, 0.0);
        Design all = new Design(GERMAN_P, true, 1.0);
        Random rng = new Random(7);
        double[] a = rng.doubles(dense.n, -1, 1).toArray();
        double sum = Kernels.sum(a);
        double[] b = new double[dense.p];
        int[] list = IntStream.range(0, dense.p).toArray();
        for (int j = 0; j < dense.p; j++) {
            assertFalse(dense.sparse(j));
            assertTrue(all.sparse(j));
            assertEquals(dense.dot(a, sum, j), all.dot(a, sum, j), 1e-12, "column " + j);
            b[j] = rng.nextGaussian();
        }
        double[] etaDense = new double[dense.n];
        double[] etaSparse = new double[dense.n];
        dense.linearPredictor(etaDense, 0.3, b, list, list.length);
        all.linearPredictor(etaSparse, 0.3, b, list, list.length);
        assertArrayEquals(etaDense, etaSparse, 1e-11);
    }

    @ParameterizedTest
    @ValueSource(doubles = {1.0, 0.5})
    void binomialPathsMatchTheDenseOnes(double alpha) {
        LogisticPathOptions o = LogisticPathOptions.defaults().withAlpha(alpha);
        LogisticPath dense = BinomialFit.fit(GERMAN_P, o, null, 0.0);
        assertSamePath(dense, BinomialFit.fit(GERMAN_P, o, null, Design.SPARSE_SHARE));
        assertSamePath(dense, BinomialFit.fit(GERMAN_P, o, null, 1.0));
    }

    @Test
    void weightedMultinomialPathsMatchTheDenseOnes() {
        Problem pr = mixedThreeClassProblem();
        LogisticPathOptions o = LogisticPathOptions.defaults().withAlpha(0.8);
        LogisticPath dense = MultinomialFit.fit(pr, o, null, 0.0);
        assertTrue(dense.size() > 10, "a path of " + dense.size());
        assertSamePath(dense, MultinomialFit.fit(pr, o, null, Design.SPARSE_SHARE));
        assertSamePath(dense, MultinomialFit.fit(pr, o, null, 1.0));
    }

    @Test
    void kktHoldsAtEverySparseFit() {
        LogisticPathOptions o = LogisticPathOptions.defaults()
                .withThresh(1e-12)
                .withMaxIterations(1_000_000)
                .withLambdas(30, Double.NaN);
        LogisticPath path = BinomialFit.fit(GERMAN_P, o, null, Design.SPARSE_SHARE);
        assertTrue(path.size() >= 20, "a path of " + path.size() + " λs");
        for (int l = 0; l < path.size(); l++) {
            double v = KktConditions.maxViolation(GERMAN_P, path.at(l), 1.0);
            assertTrue(v < 1e-6, "KKT violation " + v + " at lambda[" + l + "]");
        }
    }

    private static void assertSamePath(LogisticPath expected, LogisticPath actual) {
        assertEquals(expected.size(), actual.size(), "path length");
        assertArrayEquals(expected.lambdas(), actual.lambdas(), 1e-12 * expected.lambdas()[0], "lambdas");
        assertArrayEquals(expected.devRatio(), actual.devRatio(), 1e-9, "deviance ratios");
        // german_credit encodes every level of a categorical column: collinear indicators whose coefficient is 0 in
        // one arithmetic and ±1e-15 in another, so non-zero counts are compared beyond rounding
        assertArrayEquals(clearlyNonZero(expected), clearlyNonZero(actual), "non-zero counts beyond 1e-9");
        for (int l = 0; l < expected.size(); l++) {
            double[][] e = expected.beta()[l];
            double[][] a = actual.beta()[l];
            for (int k = 0; k < e.length; k++) {
                assertArrayEquals(e[k], a[k], 1e-7, "coefficients of predictor " + k + " at lambda[" + l + "]");
            }
            assertArrayEquals(expected.a0()[l], actual.a0()[l], 1e-7, "intercepts at lambda[" + l + "]");
        }
    }

    private static int[] clearlyNonZero(LogisticPath path) {
        int[] out = new int[path.size()];
        for (int l = 0; l < path.size(); l++) {
            for (double[] row : path.beta()[l]) {
                for (double b : row) {
                    out[l] += Math.abs(b) > 1e-9 ? 1 : 0;
                }
            }
        }
        return out;
    }

    /** 600 weighted rows: two categorical features one-hot (5 and 3 levels), two zero-inflated counts, two normals. */
    private static Problem mixedThreeClassProblem() {
        int n = 600;
        int p = 5 + 3 + 2 + 2;
        Random rng = new Random(11);
        double[] x = new double[n * p];
        int[] y = new int[n];
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            int c1 = rng.nextInt(5);
            int c2 = rng.nextInt(3);
            x[c1 * n + i] = 1;
            x[(5 + c2) * n + i] = 1;
            double count1 = rng.nextDouble() < 0.8 ? 0 : 1 + rng.nextInt(6);
            double count2 = rng.nextDouble() < 0.9 ? 0 : rng.nextDouble() * 40;
            x[8 * n + i] = count1;
            x[9 * n + i] = count2;
            double g1 = rng.nextGaussian();
            double g2 = rng.nextGaussian() * 3 + 10;
            x[10 * n + i] = g1;
            x[11 * n + i] = g2;
            double s0 = 0.8 * (c1 == 0 ? 1 : 0) + 0.4 * count1 + 0.5 * g1;
            double s1 = -0.6 * (c2 == 2 ? 1 : 0) + 0.05 * count2 - 0.3 * g1;
            double s2 = 0.2 * (g2 - 10);
            double z0 = Math.exp(s0);
            double z1 = Math.exp(s1);
            double z2 = Math.exp(s2);
            double u = rng.nextDouble() * (z0 + z1 + z2);
            y[i] = u < z0 ? 0 : u < z0 + z1 ? 1 : 2;
            w[i] = 0.5 + rng.nextDouble();
        }
        return new Problem(x, n, p, y, 3, w);
    }
}
