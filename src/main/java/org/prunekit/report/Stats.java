package org.prunekit.report;

import java.util.Arrays;

/** Mean and sample standard deviation over the finite values of an array. */
final class Stats {

    private Stats() {
    }

    /** Mean of the finite values; NaN if none. */
    static double mean(double[] v) {
        double[] f = finite(v);
        return f.length == 0 ? Double.NaN : Arrays.stream(f).sum() / f.length;
    }

    /** Sample standard deviation (n - 1) of the finite values; NaN with fewer than two. */
    static double sd(double[] v) {
        double[] f = finite(v);
        if (f.length < 2) {
            return Double.NaN;
        }
        double m = mean(f);
        double ss = 0;
        for (double x : f) {
            ss += (x - m) * (x - m);
        }
        return Math.sqrt(ss / (f.length - 1));
    }

    private static double[] finite(double[] v) {
        return Arrays.stream(v).filter(Double::isFinite).toArray();
    }
}
