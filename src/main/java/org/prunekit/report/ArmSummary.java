package org.prunekit.report;

import java.util.Objects;

/**
 * One row of the per-arm table: the chosen point (averaged over outer folds) and the arm's dense (largest) candidate.
 * Unknown numbers are NaN.
 *
 * @param chosen            how the chosen point is described, e.g. {@code strength 0.0123 (one-se)}
 * @param mean              outer-fold mean of the selection metric at the chosen points
 * @param sd                its outer-fold standard deviation
 * @param nonZeroParameters mean non-zero parameters of the chosen points
 * @param parameters        mean stored parameters of the chosen points
 * @param bytes             mean serialized size in bytes
 * @param latencyUs         mean prediction latency per row in microseconds
 * @param denseMean         outer-fold mean of the metric of the dense (unpruned) candidate
 * @param denseNonZero      mean non-zero parameters of the dense candidate
 * @param optimisticMean    outer-fold mean of the best candidate chosen on each outer test fold itself: the
 *                          optimistic estimate that tuning the pruning level on the test set would report
 * @param sizeRatio         outer-fold mean of chosen over dense non-zero parameters (0.1: ten times smaller), as
 *                          the harness computed it
 */
public record ArmSummary(
        String arm,
        String family,
        String method,
        String chosen,
        double mean,
        double sd,
        double nonZeroParameters,
        double parameters,
        double bytes,
        double latencyUs,
        double denseMean,
        double denseNonZero,
        double optimisticMean,
        double sizeRatio) {

    public ArmSummary {
        Objects.requireNonNull(arm, "arm");
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(chosen, "chosen");
    }

    /** Pruned minus dense metric (negative: pruning cost accuracy). */
    public double metricChange() {
        return mean - denseMean;
    }

    /** Optimistic minus honest (nested) estimate: how much selecting on the test folds would flatter the arm. */
    public double optimism() {
        return optimisticMean - mean;
    }
}
