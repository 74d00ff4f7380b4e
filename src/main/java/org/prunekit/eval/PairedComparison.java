package org.prunekit.eval;

import java.util.Arrays;
import smile.stat.distribution.GaussianDistribution;
import smile.stat.distribution.TDistribution;

/**
 * Paired comparison of two arms on the same cells (repeat × fold): the mean difference {@code a - b} with a 95 %
 * Student-t interval, and the two-sided Wilcoxon signed-rank p-value (Wilcoxon 1945).
 *
 * <p>Wilcoxon as scipy.stats.wilcoxon with {@code zero_method='wilcox'} (zero differences dropped): with no ties
 * and at most {@link #EXACT_MAX} non-zero differences the exact null distribution of the smaller rank sum is
 * enumerated; otherwise the normal approximation with the tie correction
 * {@code var = n(n+1)(2n+1)/24 - sum(t^3 - t)/48} and no continuity correction.
 *
 * <p>Folds of a repeated k-fold share training rows, so the plain interval and the Wilcoxon p-value are optimistic.
 * The corrected resampled t-test of Nadeau &amp; Bengio (2003), "Inference for the Generalization Error", Machine
 * Learning 52, widens the variance for that overlap: with {@code n} differences of mean {@code m} and sample variance
 * {@code s²}, {@code t = m / sqrt((1/n + n_test/n_train) s²)} on {@code n - 1} degrees of freedom
 * ({@code n_test/n_train = 1/(k-1)} for k-fold CV). All three are a guide, not a test across datasets.
 */
public final class PairedComparison {

    /** Largest n for the exact distribution (scipy 1.10 uses the same bound for method='auto'). */
    public static final int EXACT_MAX = 50;

    /**
     * @param n          number of pairs
     * @param meanDiff   mean of a - b
     * @param sdDiff     sample standard deviation of a - b (NaN when n &lt; 2)
     * @param ciLow      lower end of the 95 % t interval (NaN when n &lt; 2)
     * @param ciHigh     upper end
     * @param winsA      pairs where a &gt; b
     * @param wilcoxonP  two-sided signed-rank p-value (1 when every difference is zero, NaN when n = 0)
     * @param exact      whether the Wilcoxon p-value is exact
     * @param correctedP two-sided p-value of the corrected resampled t-test (NaN when n &lt; 2, sd = 0 or the
     *                   test/train ratio is unknown)
     */
    public record Result(
            int n,
            double meanDiff,
            double sdDiff,
            double ciLow,
            double ciHigh,
            int winsA,
            double wilcoxonP,
            boolean exact,
            double correctedP) {}

    private PairedComparison() {}

    /** Without the corrected t-test (test/train ratio unknown). */
    public static Result compare(double[] a, double[] b) {
        return compare(a, b, Double.NaN);
    }

    /**
     * @param testOverTrain mean ratio of test rows to training rows of the cells compared ({@code 1/(k-1)} for
     *                      k-fold); NaN when unknown
     */
    public static Result compare(double[] a, double[] b, double testOverTrain) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("paired samples differ in length: " + a.length + " vs " + b.length);
        }
        int n = a.length;
        double[] d = new double[n];
        int wins = 0;
        for (int i = 0; i < n; i++) {
            d[i] = a[i] - b[i];
            wins += d[i] > 0 ? 1 : 0;
        }
        Stats s = Stats.of(d);
        double[] w = wilcoxon(d);
        return new Result(
                n,
                s.mean(),
                s.sd(),
                s.ciLow(),
                s.ciHigh(),
                wins,
                w[0],
                w[1] == 1.0,
                correctedP(s.mean(), s.sd(), n, testOverTrain));
    }

    /** Two-sided p-value of the corrected resampled t-test; NaN when undefined (n &lt; 2, sd 0, ratio unknown). */
    static double correctedP(double mean, double sd, int n, double testOverTrain) {
        if (n < 2 || !(sd > 0) || !(testOverTrain > 0)) {
            return Double.NaN;
        }
        double t = mean / Math.sqrt((1.0 / n + testOverTrain) * sd * sd);
        return 2 * (1 - new TDistribution(n - 1).cdf(Math.abs(t)));
    }

    /** {p, exact ? 1 : 0} for differences {@code d}. */
    static double[] wilcoxon(double[] d) {
        double[] nz = Arrays.stream(d).filter(v -> v != 0.0).toArray();
        int n = nz.length;
        if (d.length == 0) {
            return new double[] {Double.NaN, 0};
        }
        if (n == 0) {
            return new double[] {1.0, 1};
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> Double.compare(Math.abs(nz[x]), Math.abs(nz[y])));
        double[] rank = new double[n];
        double tieTerm = 0;
        boolean ties = false;
        for (int i = 0; i < n; ) {
            int j = i;
            while (j + 1 < n && Math.abs(nz[order[j + 1]]) == Math.abs(nz[order[i]])) {
                j++;
            }
            double r = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                rank[order[k]] = r;
            }
            int t = j - i + 1;
            if (t > 1) {
                ties = true;
                tieTerm += (double) t * t * t - t;
            }
            i = j + 1;
        }
        double rPlus = 0;
        for (int i = 0; i < n; i++) {
            if (nz[i] > 0) {
                rPlus += rank[i];
            }
        }
        double total = n * (n + 1) / 2.0;
        double stat = Math.min(rPlus, total - rPlus);
        if (!ties && n <= EXACT_MAX) {
            // counts[s] = number of sign assignments with positive rank sum s
            int max = n * (n + 1) / 2;
            double[] counts = new double[max + 1];
            counts[0] = 1;
            for (int r = 1; r <= n; r++) {
                for (int s = max; s >= r; s--) {
                    counts[s] += counts[s - r];
                }
            }
            double cum = 0;
            for (int s = 0; s <= (int) stat; s++) {
                cum += counts[s];
            }
            double p = 2 * cum / Math.pow(2, n);
            return new double[] {Math.min(1.0, p), 1};
        }
        double mu = total / 2;
        double var = n * (n + 1.0) * (2 * n + 1.0) / 24 - tieTerm / 48;
        if (var <= 0) {
            return new double[] {1.0, 0};
        }
        double z = (stat - mu) / Math.sqrt(var);
        double p = 2 * GaussianDistribution.getInstance().cdf(-Math.abs(z));
        return new double[] {Math.min(1.0, p), 0};
    }
}
