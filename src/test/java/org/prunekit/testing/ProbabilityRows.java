package org.prunekit.testing;

/** Probability matrices for metric tests. */
public final class ProbabilityRows {

    private ProbabilityRows() {}

    /** Two-class rows {@code {1 − p, p}}, one per given positive-class probability. */
    public static double[][] binary(double... p1) {
        double[][] out = new double[p1.length][];
        for (int i = 0; i < p1.length; i++) {
            out[i] = new double[] {1 - p1[i], p1[i]};
        }
        return out;
    }
}
