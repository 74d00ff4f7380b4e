package org.prunekit.prune.linear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.prunekit.data.Table;
import org.prunekit.testing.TestData;

/**
 * Multinomial fits on shuttle: a stratified subsample of at most 150 rows per class (seed 1). Expected deviance
 * ratios are R glmnet 4.1-6's on the same rows: {@code glmnet(x, y, family = "multinomial", nlambda = 20,
 * lambda.min.ratio = 1e-2)} with {@code glmnet.control(fdev = 0)}.
 */
class MultinomialTest {

    private static final Table SHUTTLE = TestData.table("shuttle.csv");
    /** Classes Bypass, Fpv.Open, High, Rad.Flow (sorted indices 2, 4, 5, 6). */
    private static final int[] FOUR = {2, 4, 5, 6};

    private static final double[] R_DEV_RATIO_FOUR = {
        -4.965311081e-15,
        9.262875822e-02,
        1.579347479e-01,
        2.088486361e-01,
        2.617873554e-01,
        3.056734481e-01,
        3.489036203e-01,
        3.872611315e-01,
        4.204759046e-01,
        5.090848126e-01,
        5.927717193e-01,
        6.586335127e-01,
        7.129178424e-01,
        7.579720360e-01,
        7.951595575e-01,
        8.256241983e-01,
        8.507249156e-01,
        8.713644662e-01,
        8.884724898e-01,
        9.025853483e-01
    };

    private static Problem fourClasses(int[] rows) {
        int[] y = SHUTTLE.classIndex();
        int[] kept = Arrays.stream(rows)
                .filter(i -> Arrays.stream(FOUR).anyMatch(c -> c == y[i]))
                .toArray();
        Problem p = Fixtures.problem(SHUTTLE, kept);
        int[] yy = Arrays.stream(p.y()).map(c -> Arrays.binarySearch(FOUR, c)).toArray();
        return new Problem(p.x(), p.n(), p.p(), yy, FOUR.length, p.weights());
    }

    @Test
    void fourClassPathMatchesGlmnetAndPredicts() {
        Problem tr = fourClasses(Fixtures.stratifiedSample(SHUTTLE, 150, 1));
        LogisticPath path =
                LogisticPathSolver.fit(tr, LogisticPathOptions.defaults().withLambdas(20, 1e-2));
        assertTrue(path.converged());
        assertEquals(20, path.size());
        assertEquals(4, path.predictors());
        for (int l = 0; l < path.size(); l++) {
            assertEquals(R_DEV_RATIO_FOUR[l], path.devRatio()[l], 1e-5, "dev_ratio[" + l + "]");
            Coefficients c = path.at(l);
            int used = (int) IntStream.range(0, tr.p()).filter(c::uses).count();
            assertEquals(used, path.df()[l], "df counts features non-zero for some class");
        }
        Problem te = fourClasses(
                IntStream.range(0, SHUTTLE.rows()).filter(i -> i % 29 == 0).toArray());
        Coefficients last = path.at(path.size() - 1);
        int correct = 0;
        double[] row = new double[te.p()];
        for (int i = 0; i < te.n(); i++) {
            for (int j = 0; j < te.p(); j++) {
                row[j] = te.xAt(i, j);
            }
            double[] pr = last.probabilities(row);
            assertEquals(1.0, Arrays.stream(pr).sum(), 1e-12);
            int best = 0;
            for (int k = 1; k < pr.length; k++) {
                best = pr[k] > pr[best] ? k : best;
            }
            correct += best == te.y()[i] ? 1 : 0;
        }
        double acc = correct / (double) te.n();
        double majority = Arrays.stream(te.y()).filter(c -> c == 3).count() / (double) te.n();
        assertTrue(acc > 0.9 && acc > majority + 0.1, "held-out accuracy " + acc + ", majority " + majority);
    }

    @Test
    void sevenClassPathStopsWhereGlmnetStops() {
        // glmnet: "Convergence for 7th lambda value not reached after maxit=100000 iterations; solutions for larger
        // lambdas returned" -- 6 lambdas, last dev.ratio 0.2406033. The ungrouped partial-Newton cycle is reproduced.
        Problem tr = Fixtures.problem(SHUTTLE, Fixtures.stratifiedSample(SHUTTLE, 150, 1));
        LogisticPath path = LogisticPathSolver.fit(
                tr, LogisticPathOptions.defaults().withLambdas(20, 1e-2).withMaxIterations(5_000));
        assertFalse(path.converged());
        assertEquals(6, path.size());
        assertEquals(0.2406033, path.devRatio()[5], 1e-6);
    }

    @Test
    void lambdaMaxAndKktPerClass() {
        Problem tr = fourClasses(Fixtures.stratifiedSample(SHUTTLE, 60, 3));
        LogisticPathOptions o = LogisticPathOptions.defaults().withThresh(1e-10).withMaxIterations(1_000_000);
        double lmax = LogisticPathSolver.lambdaMax(tr, o);
        assertEquals(0, LogisticPathSolver.fitAt(tr, o, lmax).nonZero());
        assertTrue(LogisticPathSolver.fitAt(tr, o, lmax * (1 - 1e-6)).nonZero() >= 1);
        LogisticPath path = LogisticPathSolver.fit(tr, o.withLambdas(8, 0.05));
        for (int l = 0; l < path.size(); l++) {
            double v = KktConditions.maxViolation(tr, path.at(l), 1.0);
            assertTrue(v < 1e-5, "KKT violation " + v + " at lambda[" + l + "]");
        }
    }

    @Test
    void penaltyShiftMinimisesThePenalty() {
        double[] c = {0.3, -1.2, 2.0, 0.0, 0.7};
        for (double a : new double[] {0.0, 0.3, 0.7, 1.0}) {
            double s = PenaltyShift.minimiser(a, c);
            double best = penalty(a, c, s);
            for (double t = -3; t <= 3; t += 1e-3) {
                assertTrue(best <= penalty(a, c, t) + 1e-12, "alpha " + a + ": shift " + s + " beaten by " + t);
            }
        }
    }

    private static double penalty(double a, double[] c, double s) {
        double sum = 0;
        for (double v : c) {
            sum += (1 - a) / 2 * (v - s) * (v - s) + a * Math.abs(v - s);
        }
        return sum;
    }
}
