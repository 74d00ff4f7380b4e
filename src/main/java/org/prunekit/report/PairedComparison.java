package org.prunekit.report;

import java.util.Objects;

/**
 * Arm A against arm B on the same outer folds: differences {@code d_i = metric_A,i - metric_B,i}.
 *
 * @param meanDifference mean of the {@code d_i}
 * @param sdDifference   their standard deviation
 * @param folds          number of paired folds
 * @param winsA          folds where A was strictly better
 * @param pValue         two-sided p-value of the corrected resampled t-test, NaN when not computed
 */
public record PairedComparison(String armA, String armB, String metric, double meanDifference, double sdDifference,
                               int folds, int winsA, double pValue) {
    public PairedComparison {
        Objects.requireNonNull(armA, "armA");
        Objects.requireNonNull(armB, "armB");
        Objects.requireNonNull(metric, "metric");
    }
}
