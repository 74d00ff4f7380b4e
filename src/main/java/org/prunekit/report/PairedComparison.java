package org.prunekit.report;

import java.util.Objects;

/**
 * Arm A against arm B on the same outer folds, as {@code eval.PairedComparison} computed it for the run's
 * {@code summary.json}: differences {@code d_i = metric_A,i - metric_B,i}. Unknown numbers are NaN.
 *
 * @param folds          number of paired folds
 * @param meanDifference mean of the {@code d_i}
 * @param sdDifference   their sample standard deviation
 * @param ciLow          lower end of the plain 95 % t interval of the mean difference
 * @param ciHigh         its upper end
 * @param winsA          folds where A was strictly better (-1 when unknown)
 * @param wilcoxonP      two-sided Wilcoxon signed-rank p-value
 * @param wilcoxonExact  whether it is exact
 * @param correctedP     two-sided p-value of the corrected resampled t-test (Nadeau &amp; Bengio 2003)
 */
public record PairedComparison(
        String armA,
        String armB,
        String metric,
        int folds,
        double meanDifference,
        double sdDifference,
        double ciLow,
        double ciHigh,
        int winsA,
        double wilcoxonP,
        boolean wilcoxonExact,
        double correctedP) {
    public PairedComparison {
        Objects.requireNonNull(armA, "armA");
        Objects.requireNonNull(armB, "armB");
        Objects.requireNonNull(metric, "metric");
    }
}
