package org.prunekit.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import smile.stat.distribution.TDistribution;

/**
 * Paired comparisons of arms on the same outer folds with the corrected resampled t-test of Nadeau &amp; Bengio
 * (2003), "Inference for the Generalization Error", Machine Learning 52: with {@code n} fold differences of mean
 * {@code m} and variance {@code s²}, {@code t = m / sqrt((1/n + n_test/n_train) s²)} on {@code n - 1} degrees of
 * freedom, where {@code n_test/n_train = 1/(k-1)} for k-fold CV. The correction accounts for overlapping training sets,
 * which make the plain paired t-test far too eager.
 */
final class PairedComparisons {

    private PairedComparisons() {
    }

    /**
     * @param byArm      per arm, the chosen candidate's metric keyed by outer fold (e.g. {@code "0/3"})
     * @param outerFolds k of the outer k-fold CV; 0 when unknown (then no p-value)
     */
    static List<PairedComparison> all(String metric, Map<String, Map<String, Double>> byArm, int outerFolds) {
        List<String> arms = new ArrayList<>(byArm.keySet());
        List<PairedComparison> out = new ArrayList<>();
        for (int i = 0; i < arms.size(); i++) {
            for (int j = i + 1; j < arms.size(); j++) {
                PairedComparison c = compare(metric, arms.get(i), byArm.get(arms.get(i)), arms.get(j),
                        byArm.get(arms.get(j)), outerFolds);
                if (c != null) {
                    out.add(c);
                }
            }
        }
        return out;
    }

    static PairedComparison compare(String metric, String a, Map<String, Double> va, String b,
                                    Map<String, Double> vb, int outerFolds) {
        List<Double> diffs = new ArrayList<>();
        int wins = 0;
        for (var e : va.entrySet()) {
            Double y = vb.get(e.getKey());
            if (y != null && Double.isFinite(y) && Double.isFinite(e.getValue())) {
                double d = e.getValue() - y;
                diffs.add(d);
                if (d > 0) {
                    wins++;
                }
            }
        }
        if (diffs.isEmpty()) {
            return null;
        }
        double[] d = diffs.stream().mapToDouble(Double::doubleValue).toArray();
        double mean = Stats.mean(d);
        double sd = Stats.sd(d);
        return new PairedComparison(a, b, metric, mean, sd, d.length, wins, pValue(mean, sd, d.length, outerFolds));
    }

    /** Two-sided p-value of the corrected resampled t-test; NaN when undefined (n &lt; 2, sd 0, k unknown). */
    static double pValue(double mean, double sd, int n, int outerFolds) {
        if (n < 2 || outerFolds < 2 || !(sd > 0)) {
            return Double.NaN;
        }
        double testOverTrain = 1.0 / (outerFolds - 1);
        double t = mean / Math.sqrt((1.0 / n + testOverTrain) * sd * sd);
        return 2 * (1 - new TDistribution(n - 1).cdf(Math.abs(t)));
    }
}
