package org.prunekit.prune.linear;

import java.util.Arrays;

/**
 * One fit of a logistic model on the original feature scale.
 *
 * @param lambda the penalty it was fitted (or interpolated) at
 * @param a0     intercept per linear predictor
 * @param beta   {@code beta[k][j]}: coefficient of feature j in predictor k
 */
public record Coefficients(double lambda, double[] a0, double[][] beta) {

    public Coefficients {
        a0 = a0.clone();
        beta = LogisticPath.deepCopy(beta);
    }

    @Override
    public double[] a0() {
        return a0.clone();
    }

    @Override
    public double[][] beta() {
        return LogisticPath.deepCopy(beta);
    }

    /** Whether feature j has a non-zero coefficient in some predictor. */
    public boolean uses(int j) {
        for (double[] b : beta) {
            if (b[j] != 0) {
                return true;
            }
        }
        return false;
    }

    /** Number of features used. */
    public int df() {
        int c = 0;
        for (int j = 0; j < beta[0].length; j++) {
            if (uses(j)) {
                c++;
            }
        }
        return c;
    }

    /** Non-zero parameters, intercepts included ({@link SparseLinearModel#size()}'s count). */
    public long nonZeroParameters() {
        return nonZeroParameters(a0, beta);
    }

    /** Non-zero entries of {@code a0} and {@code beta}. */
    static long nonZeroParameters(double[] a0, double[][] beta) {
        long nz = 0;
        for (int k = 0; k < a0.length; k++) {
            nz += a0[k] != 0 ? 1 : 0;
            for (double v : beta[k]) {
                nz += v != 0 ? 1 : 0;
            }
        }
        return nz;
    }

    /** Non-zero coefficients, intercepts excluded. */
    public long nonZero() {
        return Arrays.stream(beta)
                .flatMapToDouble(Arrays::stream)
                .filter(v -> v != 0)
                .count();
    }

    /**
     * Class probabilities of one row (classes in index order). Binomial: {@code [1 − σ(η), σ(η)]}; multinomial:
     * softmax of the predictors.
     */
    public double[] probabilities(double[] x) {
        int m = a0.length;
        double[] eta = new double[m];
        for (int k = 0; k < m; k++) {
            double s = a0[k];
            double[] b = beta[k];
            for (int j = 0; j < b.length; j++) {
                if (b[j] != 0) {
                    s += b[j] * x[j];
                }
            }
            eta[k] = s;
        }
        return probabilitiesFromPredictors(eta);
    }

    /** Probabilities from linear predictors (one value = binomial log-odds). */
    static double[] probabilitiesFromPredictors(double[] eta) {
        if (eta.length == 1) {
            double p1 = 1.0 / (1.0 + Math.exp(-eta[0]));
            return new double[] {1 - p1, p1};
        }
        double max = Double.NEGATIVE_INFINITY;
        for (double e : eta) {
            max = Math.max(max, e);
        }
        double[] out = new double[eta.length];
        double s = 0;
        for (int k = 0; k < eta.length; k++) {
            out[k] = Math.exp(eta[k] - max);
            s += out[k];
        }
        for (int k = 0; k < eta.length; k++) {
            out[k] /= s;
        }
        return out;
    }
}
