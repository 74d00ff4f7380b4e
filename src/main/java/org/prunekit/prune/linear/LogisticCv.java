package org.prunekit.prune.linear;

import java.util.stream.IntStream;

/**
 * K-fold cross-validation of a path, as cv.glmnet does it: each fold is fitted on the other folds with its own λ
 * sequence; held-out linear predictors at the full-data λs come from coefficients interpolated linearly in λ; the
 * held-out deviance per row is {@code −2 log p(y)} with probabilities clamped to {@code [1e-5, 1 − 1e-5]}; folds are
 * averaged with their total observation weight, and
 * {@code cvsd = sqrt(Σ_k W_k (m_k − cvm)² / Σ_k W_k / (K − 1))}.
 */
public final class LogisticCv {

    private static final double PROB_MIN = 1e-5;

    private LogisticCv() {}

    /** @param foldid 0-based fold per row; every fold in {@code [0, K)} must be non-empty */
    public static CvResult run(Problem problem, LogisticPathOptions options, int[] foldid) {
        if (foldid.length != problem.n()) {
            throw new IllegalArgumentException("foldid has " + foldid.length + " entries for " + problem.n() + " rows");
        }
        int k = 0;
        for (int f : foldid) {
            if (f < 0) {
                throw new IllegalArgumentException("fold ids must be >= 0 but found " + f);
            }
            k = Math.max(k, f + 1);
        }
        if (k < 2) {
            throw new IllegalArgumentException("cross-validation needs at least two folds");
        }
        LogisticPath full = LogisticPathSolver.fit(problem, options);
        double[] lambdas = full.lambdas();
        int nl = lambdas.length;
        double[][] foldMean = new double[k][nl];
        double[] foldWeight = new double[k];
        double[] w = problem.weightsRaw();
        int[] y = problem.yRaw();
        for (int f = 0; f < k; f++) {
            int[] train = rows(foldid, f, false);
            int[] test = rows(foldid, f, true);
            if (test.length == 0 || train.length == 0) {
                throw new IllegalArgumentException("fold " + f + " is empty");
            }
            LogisticPath fold = LogisticPathSolver.fit(problem.subset(train), options);
            double[] x = new double[problem.p()];
            for (int l = 0; l < nl; l++) {
                Coefficients c = fold.interpolate(lambdas[l]);
                double s = 0;
                double ws = 0;
                for (int i : test) {
                    for (int j = 0; j < x.length; j++) {
                        x[j] = problem.xAt(i, j);
                    }
                    double py = c.probabilities(x)[y[i]];
                    py = Math.min(Math.max(PROB_MIN, py), 1 - PROB_MIN);
                    s += w[i] * -2 * Math.log(py);
                    ws += w[i];
                }
                foldMean[f][l] = s / ws;
                foldWeight[f] = ws;
            }
        }
        double total = 0;
        for (double fw : foldWeight) {
            total += fw;
        }
        double[] cvm = new double[nl];
        double[] cvsd = new double[nl];
        for (int l = 0; l < nl; l++) {
            double m = 0;
            for (int f = 0; f < k; f++) {
                m += foldWeight[f] * foldMean[f][l];
            }
            m /= total;
            double v = 0;
            for (int f = 0; f < k; f++) {
                double dd = foldMean[f][l] - m;
                v += foldWeight[f] * dd * dd;
            }
            cvm[l] = m;
            cvsd[l] = Math.sqrt(v / total / (k - 1));
        }
        int min = 0;
        for (int l = 1; l < nl; l++) {
            if (cvm[l] < cvm[min]) {
                min = l;
            }
        }
        int se = 0;
        while (cvm[se] > cvm[min] + cvsd[min]) {
            se++;
        }
        return new CvResult(full, cvm, cvsd, foldMean, min, se);
    }

    private static int[] rows(int[] foldid, int f, boolean in) {
        return IntStream.range(0, foldid.length)
                .filter(i -> (foldid[i] == f) == in)
                .toArray();
    }
}
