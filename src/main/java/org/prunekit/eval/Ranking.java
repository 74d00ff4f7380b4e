package org.prunekit.eval;

import java.util.Arrays;

/**
 * Threshold-free binary ranking metrics of one score column, in O(n log n): the scores of positive and negative rows
 * are sorted once each and merged from the top, one distinct score (one threshold) at a time. With TP_i, FP_i the
 * counts of positives and negatives scoring at least the i-th largest distinct score, P and N the totals:
 * <ul>
 *   <li>ROC-AUC = Σ_i (FP_i − FP_{i−1}) (TP_i + TP_{i−1}) / (2 P N), the trapezoidal area under the ROC curve whose
 *       points are the distinct thresholds, so a tie between a positive and a negative counts ½ (equal to the
 *       Mann–Whitney statistic with mid-ranks). The sum is kept in exact integer arithmetic.</li>
 *   <li>average precision = Σ_i (R_i − R_{i−1}) P_i with R_i = TP_i / P and P_i = TP_i / (TP_i + FP_i), R_0 = 0
 *       (scikit-learn's step-wise definition, neither interpolated nor trapezoidal).</li>
 *   <li>PR-AUC = Σ_i (R_i − R_{i−1}) (P_i + P_{i−1}) / 2 with (R_0, P_0) = (0, 1), over the thresholds down to the
 *       first one reaching full recall: the trapezoidal area under scikit-learn's {@code precision_recall_curve},
 *       i.e. {@code auc(recall, precision)}. It exceeds average precision where the curve is not flat.</li>
 * </ul>
 * Both are undefined (NaN) without positives or without negatives.
 */
final class Ranking {

    /** Which area {@link #area} computes. */
    enum Area {
        ROC,
        AP,
        PR
    }

    private final double[] pos;
    private final double[] neg;

    private Ranking(double[] pos, double[] neg) {
        this.pos = pos;
        this.neg = neg;
        Arrays.sort(this.pos);
        Arrays.sort(this.neg);
    }

    /** Positives are the rows with {@code y[i] == positive}; scores are {@code probs[i][column]}. */
    static Ranking of(int[] y, double[][] probs, int positive, int column) {
        int p = 0;
        for (int c : y) {
            if (c == positive) {
                p++;
            }
        }
        double[] pos = new double[p];
        double[] neg = new double[y.length - p];
        int a = 0;
        int b = 0;
        for (int i = 0; i < y.length; i++) {
            double s = probs[i][column];
            if (y[i] == positive) {
                pos[a++] = s;
            } else {
                neg[b++] = s;
            }
        }
        return new Ranking(pos, neg);
    }

    double area(Area a) {
        return switch (a) {
            case ROC -> rocAuc();
            case AP -> averagePrecision();
            case PR -> prAuc();
        };
    }

    double prAuc() {
        if (pos.length == 0 || neg.length == 0) {
            return Double.NaN;
        }
        double area = 0;
        double r0 = 0;
        double p0 = 1;
        for (Thresholds t = new Thresholds(); t.next() && t.tp0 < pos.length; ) {
            double r = (double) t.tp / pos.length;
            double p = (double) t.tp / (t.tp + t.fp);
            area += (r - r0) * (p + p0) / 2;
            r0 = r;
            p0 = p;
        }
        return area;
    }

    double rocAuc() {
        if (pos.length == 0 || neg.length == 0) {
            return Double.NaN;
        }
        long twiceArea = 0;
        for (Thresholds t = new Thresholds(); t.next(); ) {
            twiceArea += (t.fp - t.fp0) * (t.tp + t.tp0);
        }
        return twiceArea / (2.0 * pos.length * (double) neg.length);
    }

    double averagePrecision() {
        if (pos.length == 0 || neg.length == 0) {
            return Double.NaN;
        }
        double ap = 0;
        for (Thresholds t = new Thresholds(); t.next() && t.tp0 < pos.length; ) {
            if (t.tp > t.tp0) {
                ap += ((double) (t.tp - t.tp0) / pos.length) * ((double) t.tp / (t.tp + t.fp));
            }
        }
        return ap;
    }

    /**
     * The distinct scores from the largest down: after each {@link #next}, {@code tp}, {@code fp} count the positives
     * and negatives scoring at least the current score, {@code tp0}, {@code fp0} those scoring above it.
     */
    private final class Thresholds {
        private int i = pos.length - 1;
        private int j = neg.length - 1;
        long tp;
        long fp;
        long tp0;
        long fp0;

        boolean next() {
            if (i < 0 && j < 0) {
                return false;
            }
            double v = Math.max(i >= 0 ? pos[i] : Double.NEGATIVE_INFINITY, j >= 0 ? neg[j] : Double.NEGATIVE_INFINITY);
            tp0 = tp;
            fp0 = fp;
            while (i >= 0 && pos[i] == v) {
                tp++;
                i--;
            }
            while (j >= 0 && neg[j] == v) {
                fp++;
                j--;
            }
            return true;
        }
    }
}
