package org.prunekit.eval;

import java.util.Arrays;
import smile.stat.distribution.TDistribution;

/** Mean, sample sd and 95 % t interval of a sample; plus mean and sd over the finite values of an array. */
public record Stats(int n, double mean, double sd, double ciLow, double ciHigh) {

    public static Stats of(double[] v) {
        int n = v.length;
        if (n == 0) {
            return new Stats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double mean = 0;
        for (double x : v) {
            mean += x;
        }
        mean /= n;
        if (n == 1) {
            return new Stats(1, mean, Double.NaN, Double.NaN, Double.NaN);
        }
        double ss = 0;
        for (double x : v) {
            ss += (x - mean) * (x - mean);
        }
        double sd = Math.sqrt(ss / (n - 1));
        double h = new TDistribution(n - 1).quantile(0.975) * sd / Math.sqrt(n);
        return new Stats(n, mean, sd, mean - h, mean + h);
    }

    public static double median(double[] v) {
        if (v.length == 0) {
            return Double.NaN;
        }
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    /** Mean of the finite values; NaN if none. */
    public static double mean(double[] v) {
        return of(finite(v)).mean();
    }

    /** Sample standard deviation (n - 1) of the finite values; NaN with fewer than two. */
    public static double sd(double[] v) {
        return of(finite(v)).sd();
    }

    private static double[] finite(double[] v) {
        return Arrays.stream(v).filter(Double::isFinite).toArray();
    }
}
