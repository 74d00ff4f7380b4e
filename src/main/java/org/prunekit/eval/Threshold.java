package org.prunekit.eval;

import java.util.Arrays;

/**
 * A binary decision threshold chosen on validation data: predict the positive class iff
 * p(positive) ≥ {@link #value()}.
 *
 * <p>{@link #best} scans every distinct validation score s as the threshold (each gives a different split of the rows,
 * from "only the top score is positive" down to "everything is positive"), computes the metric from the resulting
 * confusion matrix, and keeps the maximum (counting metrics only; they are all higher-is-better). Among thresholds
 * whose value is within 1e-12 of the maximum it keeps the one nearest 0.5 (the larger on an exact tie). One sort, then
 * O(1) per threshold to update the counts: O(n log n).
 *
 * @param value the threshold on {@code probs[row][positive]}
 * @param score the metric's value on the validation rows at that threshold
 */
public record Threshold(double value, double score) {

    public static Threshold best(int[] y, double[][] probs, int positive, Metric metric) {
        if (metric.needsProbabilities()) {
            throw new IllegalArgumentException(metric.configName() + " does not depend on a decision threshold");
        }
        if (y.length == 0 || y.length != probs.length) {
            throw new IllegalArgumentException("need as many labels as probability rows (and at least one) but got "
                    + y.length + " and " + probs.length);
        }
        if (probs[0].length != 2 || (positive != 0 && positive != 1)) {
            throw new IllegalArgumentException("threshold tuning needs two classes and a positive index 0 or 1");
        }
        int negative = 1 - positive;
        int n = y.length;
        double[] score = new double[n];
        long p = 0;
        for (int i = 0; i < n; i++) {
            score[i] = probs[i][positive];
            if (Double.isNaN(score[i])) {
                throw new IllegalArgumentException("probability row " + i + " is NaN");
            }
            p += y[i] == positive ? 1 : 0;
        }
        // sort rows by descending score: encode (score, is-positive) via index sort on a copy
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(score[b], score[a]));
        long tp = 0;
        long fp = 0;
        double max = Double.NEGATIVE_INFINITY;
        double bestValue = Double.NaN;
        double bestScore = Double.NaN;
        int i = 0;
        while (i < n) {
            double t = score[order[i]];
            while (i < n && score[order[i]] == t) {
                if (y[order[i]] == positive) {
                    tp++;
                } else {
                    fp++;
                }
                i++;
            }
            long[][] counts = new long[2][2];
            counts[positive][positive] = tp;
            counts[positive][negative] = p - tp;
            counts[negative][positive] = fp;
            counts[negative][negative] = (n - p) - fp;
            double v = Metrics.fromConfusion(metric, new ConfusionMatrix(counts), positive);
            if (v > max + 1e-12) {
                max = v;
                bestValue = t;
                bestScore = v;
            } else if (v >= max - 1e-12) {
                max = Math.max(max, v);
                if (Math.abs(t - 0.5) < Math.abs(bestValue - 0.5)) {
                    bestValue = t;
                    bestScore = v;
                }
            }
        }
        return new Threshold(bestValue, bestScore);
    }
}
