package org.prunekit.api;

import java.util.Arrays;
import java.util.Objects;

/**
 * The scores of a path's candidates and the candidate chosen from them. Arrays are indexed like the path's
 * candidates (least pruned first).
 *
 * @param metric     the metric scored
 * @param rule       the rule that chose {@link #chosen()}
 * @param strengths  strength of each candidate (alpha, lambda, rounds dropped, sparsity)
 * @param nonZero    non-zero parameters of each candidate
 * @param mean       mean score over folds per candidate
 * @param sd         sample standard deviation over folds per candidate (NaN with one fold)
 * @param folds      number of folds (1 when scored on one validation set)
 * @param best       index of the best mean (ties to the smaller candidate)
 * @param oneSe      index of the 1-SE choice: the smallest candidate within one standard error of the best
 * @param chosen     index chosen by {@code rule}
 */
public record Choice(
        String metric,
        String rule,
        double[] strengths,
        long[] nonZero,
        double[] mean,
        double[] sd,
        int folds,
        int best,
        int oneSe,
        int chosen) {

    public Choice {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(rule, "rule");
        strengths = strengths.clone();
        nonZero = nonZero.clone();
        mean = mean.clone();
        sd = sd.clone();
    }

    /** The strength of the chosen candidate: pass it to the path's {@code at(...)}. */
    public double strength() {
        return strengths[chosen];
    }

    @Override
    public double[] strengths() {
        return strengths.clone();
    }

    @Override
    public long[] nonZero() {
        return nonZero.clone();
    }

    @Override
    public double[] mean() {
        return mean.clone();
    }

    @Override
    public double[] sd() {
        return sd.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Choice c
                && metric.equals(c.metric)
                && rule.equals(c.rule)
                && Arrays.equals(strengths, c.strengths)
                && Arrays.equals(nonZero, c.nonZero)
                && Arrays.equals(mean, c.mean)
                && Arrays.equals(sd, c.sd)
                && folds == c.folds
                && best == c.best
                && oneSe == c.oneSe
                && chosen == c.chosen;
    }

    @Override
    public int hashCode() {
        return Objects.hash(metric, rule, Arrays.hashCode(strengths), Arrays.hashCode(mean), best, oneSe, chosen);
    }

    @Override
    public String toString() {
        return "Choice[" + metric + ", " + rule + ", chosen " + chosen + " (strength " + strength() + ", mean "
                + mean[chosen] + "), best " + best + ", one-se " + oneSe + ", " + folds + " folds]";
    }
}
