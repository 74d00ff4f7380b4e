package org.prunekit.data;

import java.util.Arrays;

// STAND-IN: replaced at merge by the imbalance helper's version
/** Decision threshold chosen on held-out scores: the one maximising balanced accuracy (Youden's J). */
public final class Threshold {

    private Threshold() {
    }

    /**
     * @param positive 1 where the row is of the positive class
     * @param score    the positive-class probability of each row
     * @return a threshold t: predict positive when score &gt;= t
     */
    public static double choose(boolean[] positive, double[] score) {
        int n = score.length;
        int pos = 0;
        for (boolean p : positive) {
            pos += p ? 1 : 0;
        }
        int neg = n - pos;
        if (pos == 0 || neg == 0) {
            return 0.5;
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(score[b], score[a]));
        double best = -1;
        double bestT = 0.5;
        int tp = 0;
        int fp = 0;
        for (int i = 0; i < n; i++) {
            if (positive[order[i]]) {
                tp++;
            } else {
                fp++;
            }
            if (i == n - 1 || score[order[i + 1]] != score[order[i]]) {
                double j = (double) tp / pos - (double) fp / neg;
                if (j > best) {
                    best = j;
                    bestT = score[order[i]];
                }
            }
        }
        return bestT;
    }
}
